// Worker: what one shared-nothing worker thread owns (its handler and engine,
// its Date cache, its access log). The event loops that drive it are in
// event_loop.h.
#pragma once

#include <kite/http/writer.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include <kite/runtime/handler.h>
#include "server/server.h"

namespace kite::server {

using Clock = std::chrono::steady_clock;

inline std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
      .count();
}

// Polls ready() until it returns true (then true) or `budget` has passed
// (then false): what a loop does before it goes to sleep (see
// ServerOptions::busy_poll).
template <class Ready>
bool busy_poll(std::chrono::nanoseconds budget, Ready ready) {
  if (budget.count() <= 0) return false;
  std::int64_t deadline = now_ns() + budget.count();
  for (unsigned k = 1;; ++k) {
    if (ready()) return true;
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield");
#endif
    if (k % 32 == 0 && now_ns() >= deadline) return false;
  }
}

struct Worker {
  unsigned index = 0;
  const ServerOptions* options = nullptr;
  std::unique_ptr<runtime::Handler> handler;
  http::DateCache date;
  int listen_fd = -1;
  int wake_fd = -1;  // eventfd: written once when the server stops
  std::string access_log;

  // Watchdog protocol: while a handler runs, `deadline_ns` holds when it
  // must stop and `token` identifies the call; 0 when idle.
  std::atomic<std::int64_t> deadline_ns{0};
  std::atomic<std::uint32_t> token{0};
  std::uint32_t next_token = 1;

  // Statistics the loops keep (read after the worker stops).
  std::uint64_t requests = 0;
  std::uint64_t shed = 0;  // connections answered 503 past max_connections

  // The connection cap the loops enforce (ServerOptions::max_connections,
  // resolved by serve()).
  std::size_t max_connections = 0;
  // How long a loop stops accepting after accept failed for want of file
  // descriptors or memory (EMFILE, ENFILE, ENOBUFS, ENOMEM); it resumes
  // sooner when one of its connections closes.
  static constexpr std::int64_t kAcceptPauseNs = 100'000'000;

  // Calls the handler for one parsed request, under the time limit, and
  // appends the response to `out`; logs the access line.
  void handle(const http::Request& req, http::OutBuffer& out);
  // Appends an error response for a request that could not be parsed (or
  // timed out) and logs it.
  void reject(int status, std::string_view reason, http::OutBuffer& out);
  // Answers a just-accepted connection past max_connections with the
  // pre-built 503 and closes it (what already arrived on it is read first,
  // so the close sends a FIN after the response, not a reset).
  void shed_connection(int fd);
  void flush_log();
};

}  // namespace kite::server
