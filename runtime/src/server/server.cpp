// serve(): listeners, worker threads, the handler watchdog and signals.
#include "server/server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/core.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sched.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <future>
#include <memory>
#include <thread>
#include <vector>

#include "server/event_loop.h"
#include "server/worker.h"

namespace kite::server {

const char* backend_name(Backend b) {
  switch (b) {
    case Backend::kUring:
      return "io_uring";
    case Backend::kEpoll:
      return "epoll";
    case Backend::kAuto:
      break;
  }
  return "auto";
}

namespace {

struct Address {
  sockaddr_storage storage{};
  socklen_t len = 0;
  int family = AF_INET;
};

bool resolve(const std::string& host, std::uint16_t port, Address* out) {
  std::string h = host == "localhost" ? "127.0.0.1" : host;
  if (!h.empty() && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  auto* v4 = reinterpret_cast<sockaddr_in*>(&out->storage);
  if (::inet_pton(AF_INET, h.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(port);
    out->len = sizeof(sockaddr_in);
    out->family = AF_INET;
    return true;
  }
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&out->storage);
  if (::inet_pton(AF_INET6, h.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(port);
    out->len = sizeof(sockaddr_in6);
    out->family = AF_INET6;
    return true;
  }
  return false;
}

void set_port(Address* a, std::uint16_t port) {
  if (a->family == AF_INET) {
    reinterpret_cast<sockaddr_in*>(&a->storage)->sin_port = htons(port);
  } else {
    reinterpret_cast<sockaddr_in6*>(&a->storage)->sin6_port = htons(port);
  }
}

std::uint16_t port_of(const Address& a) {
  if (a.family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in*>(&a.storage)->sin_port);
  return ntohs(reinterpret_cast<const sockaddr_in6*>(&a.storage)->sin6_port);
}

std::uint16_t bound_port(int fd) {
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len);
  if (ss.ss_family == AF_INET) return ntohs(reinterpret_cast<sockaddr_in*>(&ss)->sin_port);
  return ntohs(reinterpret_cast<sockaddr_in6*>(&ss)->sin6_port);
}

// A listening socket (bound only, with listen false); reuse_port lets every
// worker own one on the same port and the kernel spread connections between
// them.
int make_listener(const Address& a, bool reuse_port, std::string* error, bool listen = true) {
  int fd = ::socket(a.family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    *error = std::strerror(errno);
    return -1;
  }
  int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (reuse_port) ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
  if (::bind(fd, reinterpret_cast<const sockaddr*>(&a.storage), a.len) != 0 ||
      (listen && ::listen(fd, 4096) != 0)) {
    *error = errno == EADDRINUSE ? "address already in use" : std::strerror(errno);
    ::close(fd);
    return -1;
  }
  return fd;
}

// The file-descriptor limit, raised to its hard limit (as Go and Bun do at
// start-up; the soft default of 1024 is a shell's, not the server's).
std::size_t raise_fd_limit() {
  rlimit r{};
  if (::getrlimit(RLIMIT_NOFILE, &r) != 0) return 1024;
  if (r.rlim_cur < r.rlim_max) {
    rlimit raised = r;
    raised.rlim_cur = r.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) r = raised;
  }
  return r.rlim_cur == RLIM_INFINITY ? std::size_t{1} << 20 : static_cast<std::size_t>(r.rlim_cur);
}

// Descriptors a process keeps besides its connections: stdio, and per
// worker a listener, an eventfd and a ring or epoll instance, with room
// for the handler file and a connection being shed.
constexpr std::size_t kReservedFds = 16;
constexpr std::size_t kFdsPerWorker = 4;

// The per-worker connection cap: the limit given, or the fd limit shared
// between the workers (at least 1).
std::size_t connections_per_worker(std::size_t given, std::size_t fd_limit, unsigned workers) {
  if (given != 0) return given;
  std::size_t reserved = kReservedFds + kFdsPerWorker * workers;
  std::size_t free = fd_limit > reserved ? fd_limit - reserved : 0;
  return std::max<std::size_t>(1, free / workers);
}

// The CPUs this process may run on, in order.
std::vector<int> allowed_cpus() {
  std::vector<int> cpus;
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(0, sizeof set, &set) != 0) return cpus;
  for (int c = 0; c < CPU_SETSIZE; ++c) {
    if (CPU_ISSET(c, &set)) cpus.push_back(c);
  }
  return cpus;
}

// Pins the calling thread to one CPU (-1: leaves it as it is).
void pin_thread(int cpu) {
  if (cpu < 0) return;
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  ::pthread_setaffinity_np(::pthread_self(), sizeof set, &set);
}

struct Startup {
  bool ok = false;
  std::string error;
  Backend backend = Backend::kEpoll;
};

// Loads the worker's handler, opens its listener if it has none yet and sets
// up its event loop; null (and s->error) when any of it fails.
//
// Workers after the first open their SO_REUSEPORT listener only once their
// handler is loaded: the kernel spreads connections over the listeners that
// exist, so a connection never waits in the queue of a worker that is still
// starting (with every worker on one core, the first response would
// otherwise wait for all of them to start).
std::unique_ptr<EventLoop> start_worker(Worker* w, Backend backend, const Address& addr,
                                        Startup* s) {
  runtime::HandlerOptions ho;
  ho.engine = w->options->engine;
  ho.env = w->options->env;
  w->handler = runtime::Handler::load(w->options->handler_source, w->options->handler_path,
                                      std::move(ho), &s->error);
  if (!w->handler) return nullptr;
  if (w->listen_fd < 0) {
    std::string error;
    w->listen_fd = make_listener(addr, true, &error);
    if (w->listen_fd < 0) {
      s->error = fmt::format("kite serve: cannot listen on {}:{}: {}", w->options->host,
                             port_of(addr), error);
      return nullptr;
    }
  }
  std::unique_ptr<EventLoop> loop;
  s->backend = Backend::kUring;
  if (backend != Backend::kEpoll) loop = make_uring_loop(*w);
  if (!loop && backend == Backend::kUring) {
    s->error = "kite serve: io_uring is not available here (try --backend epoll)";
    return nullptr;
  }
  if (!loop) {
    s->backend = Backend::kEpoll;
    loop = make_epoll_loop(*w);
  }
  if (!loop) {
    s->error = fmt::format("kite serve: cannot set up the event loop: {}", std::strerror(errno));
    return nullptr;
  }
  s->ok = true;
  return loop;
}

// The thread of a worker after the first, pinned (cpu >= 0) before its
// engine allocates, so its memory is local to that CPU's node.
void worker_thread(Worker* w, Backend backend, Address addr, int cpu, std::promise<Startup> ready) {
  pin_thread(cpu);
  Startup s;
  std::unique_ptr<EventLoop> loop = start_worker(w, backend, addr, &s);
  ready.set_value(std::move(s));
  if (!loop) return;
  loop->run();
  w->flush_log();
}

void report(const Startup& s) {
  std::fputs(s.error.c_str(), stderr);
  if (!s.error.empty() && s.error.back() != '\n') std::fputc('\n', stderr);
}

void wake(const std::vector<std::unique_ptr<Worker>>& workers) {
  for (const auto& w : workers) {
    std::uint64_t one = 1;
    (void)!::write(w->wake_fd, &one, sizeof one);
  }
}

}  // namespace

int serve(const ServerOptions& options) {
  Address addr;
  if (!resolve(options.host, options.port, &addr)) {
    fmt::print(stderr, "kite serve: invalid --host '{}' (use an IP address or localhost)\n",
               options.host);
    return 2;
  }
  unsigned n = options.workers;
  if (n == 0) n = static_cast<unsigned>(std::max(1L, ::sysconf(_SC_NPROCESSORS_ONLN)));

  Backend backend = options.backend;  // kAuto: each worker tries io_uring first
  std::size_t max_connections =
      connections_per_worker(options.max_connections, raise_fd_limit(), n);
  // Worker i runs on the i-th allowed CPU (wrapping when there are more
  // workers than CPUs), as per-core runtimes do.
  std::vector<int> cpus = allowed_cpus();
  bool pin =
      !cpus.empty() && (options.pin == Pin::kOn || (options.pin == Pin::kAuto && n == cpus.size()));
  auto cpu_of = [&](unsigned i) { return pin ? cpus[i % cpus.size()] : -1; };

  // A port held by any other socket fails here: SO_REUSEPORT alone would let
  // a second server silently share it. The probe only binds: a probe that
  // listened could take a client's SYN and drop it when closed, and that
  // client would wait a second for its SYN to be retransmitted.
  std::string error;
  if (options.port != 0) {
    int probe = make_listener(addr, false, &error, /*listen=*/false);
    if (probe < 0) {
      fmt::print(stderr, "kite serve: cannot listen on {}:{}: {}\n", options.host, options.port,
                 error);
      return 1;
    }
    ::close(probe);
  }

  // Signals go to the control thread's sigtimedwait only (they are blocked
  // in every thread, which inherit this mask); a closed peer is an EPIPE.
  sigset_t sigs;
  sigemptyset(&sigs);
  sigaddset(&sigs, SIGINT);
  sigaddset(&sigs, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &sigs, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  std::vector<std::unique_ptr<Worker>> workers;
  std::uint16_t port = options.port;
  for (unsigned i = 0; i < n; ++i) {
    auto w = std::make_unique<Worker>();
    w->index = i;
    w->options = &options;
    w->max_connections = max_connections;
    if (i == 0) {
      // The first listener fixes the port (an ephemeral one for --port 0);
      // the others are opened by their workers (start_worker).
      set_port(&addr, port);
      w->listen_fd = make_listener(addr, true, &error);
      if (w->listen_fd < 0) {
        fmt::print(stderr, "kite serve: cannot listen on {}:{}: {}\n", options.host, port, error);
        return 1;
      }
      if (port == 0) port = bound_port(w->listen_fd);
      set_port(&addr, port);
    }
    w->wake_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    workers.push_back(std::move(w));
  }

  // Workers after the first start on threads of their own; the first starts
  // and runs on this thread, so the first response waits for no thread to
  // be created (and its engine's start-up allocations come from the main
  // malloc arena, grown by brk in large steps).
  std::vector<std::thread> threads;
  std::vector<std::future<Startup>> started;
  for (unsigned i = 1; i < n; ++i) {
    std::promise<Startup> p;
    started.push_back(p.get_future());
    threads.emplace_back(worker_thread, workers[i].get(), backend, addr, cpu_of(i), std::move(p));
  }
  Startup first;
  std::unique_ptr<EventLoop> loop = start_worker(workers[0].get(), backend, addr, &first);
  bool ok = first.ok;
  if (!ok) report(first);
  for (auto& f : started) {
    Startup s = f.get();
    if (!s.ok && ok) {
      ok = false;
      report(s);
    }
  }

  // The control thread: the watchdog, which interrupts a handler past its
  // time limit, and the one taker of SIGINT/SIGTERM (blocked everywhere
  // else), which starts the drain.
  std::atomic<bool> stop_control{false};
  std::thread control([&] {
    auto period = std::min<std::chrono::milliseconds>(
        std::chrono::milliseconds(10), options.handler_timeout / 4 + std::chrono::milliseconds(1));
    timespec ts{
        0, static_cast<long>(std::chrono::duration_cast<std::chrono::nanoseconds>(period).count())};
    bool draining = false;
    while (!stop_control.load(std::memory_order_relaxed)) {
      std::int64_t now = now_ns();
      for (auto& w : workers) {
        std::int64_t d = w->deadline_ns.load(std::memory_order_acquire);
        if (d != 0 && now > d && w->handler) {
          w->handler->interrupt(w->token.load(std::memory_order_relaxed));
        }
      }
      int sig = ::sigtimedwait(&sigs, nullptr, &ts);
      if (sig > 0 && !draining) {
        draining = true;
        if (!options.quiet) fmt::print(stderr, "kite: {} received, draining\n", strsignal(sig));
        wake(workers);
      }
    }
  });

  if (ok) {
    // The first worker is pinned only now: the control thread, made above,
    // inherits this thread's affinity and must stay free to run anywhere.
    pin_thread(cpu_of(0));
    fmt::print("kite: listening on http://{}:{} ({} worker{}, {}, {}, {} connections per worker)\n",
               addr.family == AF_INET6 ? "[" + options.host + "]" : options.host, port, n,
               n == 1 ? "" : "s", backend_name(first.backend), pin ? "pinned" : "not pinned",
               max_connections);
    std::fflush(stdout);
    loop->run();
    workers[0]->flush_log();
  } else {
    wake(workers);
  }
  loop.reset();
  for (auto& t : threads) t.join();
  stop_control.store(true);
  control.join();
  std::uint64_t total = 0;
  std::uint64_t shed = 0;
  for (auto& w : workers) {
    total += w->requests;
    shed += w->shed;
    if (w->listen_fd >= 0) ::close(w->listen_fd);
    ::close(w->wake_fd);
  }
  if (!ok) return 1;
  if (!options.quiet) {
    fmt::print(stderr, "kite: stopped after {} requests{}\n", total,
               shed == 0 ? std::string() : fmt::format(" ({} connections shed with 503)", shed));
  }
  return 0;
}

}  // namespace kite::server
