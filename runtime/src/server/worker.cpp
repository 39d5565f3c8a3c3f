// Worker: handler calls under the watchdog's time limit, and the access log.
#include "server/worker.h"

#include <fmt/format.h>
#include <sys/socket.h>
#include <unistd.h>

namespace kite::server {

void Worker::handle(const http::Request& req, http::OutBuffer& out) {
  std::int64_t start = now_ns();
  std::uint32_t t = next_token++;
  if (next_token == 0) next_token = 1;
  token.store(t, std::memory_order_relaxed);
  deadline_ns.store(
      start +
          std::chrono::duration_cast<std::chrono::nanoseconds>(options->handler_timeout).count(),
      std::memory_order_release);
  runtime::HandlerOutcome outcome = handler->handle(req, t, out, date);
  deadline_ns.store(0, std::memory_order_release);
  ++requests;
  if (!options->quiet) {
    double ms = static_cast<double>(now_ns() - start) / 1e6;
    fmt::format_to(std::back_inserter(access_log), "{} {} {} {:.3f}ms\n", req.method, req.path,
                   outcome.status, ms);
  }
}

void Worker::reject(int status, std::string_view reason, http::OutBuffer& out) {
  http::write_error(out, date, status, true);
  if (!options->quiet) {
    fmt::format_to(std::back_inserter(access_log), "- - {} ({})\n", status, reason);
  }
}

void Worker::shed_connection(int fd) {
  char discard[4096];
  while (::recv(fd, discard, sizeof discard, MSG_DONTWAIT) > 0) {
  }
  std::string_view r = http::overload_response();
  (void)!::send(fd, r.data(), r.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
  ::shutdown(fd, SHUT_WR);
  ::close(fd);
  ++shed;
  if (!options->quiet) {
    fmt::format_to(std::back_inserter(access_log), "- - 503 (over --max-connections {})\n",
                   max_connections);
  }
}

void Worker::flush_log() {
  std::size_t off = 0;
  while (off < access_log.size()) {
    ssize_t n = ::write(2, access_log.data() + off, access_log.size() - off);
    if (n <= 0) break;
    off += static_cast<std::size_t>(n);
  }
  access_log.clear();
}

}  // namespace kite::server
