// Running the workers (load.h).
#include "load.h"

#include "clock.h"
#include "request.h"
#include "worker.h"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

namespace kite::load {

void probe_server(const Target& target, std::int64_t timeout_ns) {
  const std::string where = target.authority;
  const int fd = socket(target.address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) throw UnreachableError("socket: " + std::string(std::strerror(errno)));
  int error = 0;
  if (connect(fd, reinterpret_cast<const sockaddr*>(&target.address), target.address_length) != 0) {
    error = errno;
    if (error == EINPROGRESS) {
      pollfd waiting{fd, POLLOUT, 0};
      const int ready = poll(&waiting, 1, static_cast<int>(timeout_ns / 1'000'000));
      socklen_t length = sizeof error;
      if (ready <= 0) {
        error = ETIMEDOUT;
      } else if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0) {
        error = errno;
      }
    }
  }
  ::close(fd);
  if (error != 0) {
    throw UnreachableError("cannot connect to " + where + ": " + std::strerror(error) +
                           " (is the server running?)");
  }
}

LoadRun run_load(const LoadOptions& options) {
  std::atomic<std::int64_t> tickets{0};
  LoadPlan plan;
  plan.target = options.target;
  plan.requests = build_requests(options);
  plan.head_requests = options.method == "HEAD";
  plan.connections = options.connections;
  plan.pipeline = options.pipeline;
  plan.spin = options.spin;
  plan.timeout_ns = options.timeout_ns;
  plan.start_ns = monotonic_ns();
  plan.measure_start_ns = plan.start_ns + options.warmup_ns;
  plan.hard_stop_ns = plan.start_ns + options.max_time_ns;
  if (options.duration_ns) {
    plan.measure_end_ns = std::min(plan.hard_stop_ns, plan.measure_start_ns + *options.duration_ns);
  } else {
    plan.measure_end_ns = plan.hard_stop_ns;
    tickets = static_cast<std::int64_t>(*options.request_count);
    plan.tickets = &tickets;
  }
  if (options.rate) plan.schedule.emplace(*options.rate, options.connections, plan.start_ns);

  // Connection i goes to thread i mod T.
  std::vector<std::unique_ptr<Worker>> workers;
  for (int t = 0; t < options.threads; ++t) {
    std::vector<int> ids;
    for (int i = t; i < options.connections; i += options.threads) ids.push_back(i);
    workers.push_back(std::make_unique<Worker>(plan, ids));
  }
  std::mutex failure_mutex;
  std::exception_ptr failure;
  std::vector<std::thread> threads;
  threads.reserve(workers.size());
  for (auto& worker : workers) {
    threads.emplace_back([&worker, &failure, &failure_mutex] {
      try {
        worker->run();
      } catch (...) {
        const std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  if (failure) std::rethrow_exception(failure);

  LoadRun run;
  for (const auto& worker : workers) {
    run.stats.merge(worker->stats());
    run.cut_short = run.cut_short || worker->cut_short();
  }
  if (options.duration_ns) {
    run.window_ns = plan.measure_end_ns - plan.measure_start_ns;
  } else {
    run.window_ns = std::max<std::int64_t>(0, run.stats.last_response_ns - plan.measure_start_ns);
  }
  return run;
}

}  // namespace kite::load
