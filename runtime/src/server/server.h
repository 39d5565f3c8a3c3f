// kite serve: shared-nothing HTTP/1.1 workers running a JavaScript handler.
//
// serve() loads the handler once per worker (each worker owns its engine,
// its SO_REUSEPORT listener and its event loop: io_uring, or epoll where
// io_uring is unavailable or not wanted), prints one "listening" line, and
// blocks until SIGINT or SIGTERM. Then it stops accepting, lets in-flight
// requests finish for at most `grace`, and returns 0. Startup failures
// (handler error, bad address, port in use) print a message and return 1.
#pragma once

#include <kite/engine/engine.h>
#include <kite/http/parser.h>
#include <kite/runtime/handler.h>

#include <chrono>
#include <cstdint>
#include <string>

namespace kite::server {

enum class Backend { kAuto, kUring, kEpoll };

// Worker threads pinned to a CPU each: kAuto pins when there are as many
// workers as CPUs this process may run on.
enum class Pin { kAuto, kOn, kOff };

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: an ephemeral port (tests read it from the listening line)
  unsigned workers = 0;       // 0: one per online core
  Backend backend = Backend::kAuto;
  bool quiet = false;  // no access log
  http::Limits limits;
  std::chrono::milliseconds read_timeout{30'000};     // a started request must complete (408)
  std::chrono::milliseconds idle_timeout{60'000};     // an idle keep-alive connection is closed
  std::chrono::milliseconds handler_timeout{30'000};  // the handler is interrupted (504)
  std::chrono::milliseconds grace{5'000};             // drain time after SIGTERM
  // Before a worker sleeps it keeps polling for this long: a client sending
  // its next request soon after finds the worker awake and need not wake it
  // (a cross-core wake-up, costly on the client's core). 0: sleep at once.
  std::chrono::microseconds busy_poll{100};
  // Connections one worker keeps open; a new one past it is answered with
  // a pre-built 503 (Retry-After) and closed, and the open ones are served
  // on. 0: sized from the file-descriptor limit (RLIMIT_NOFILE, raised to
  // its hard limit at start-up) shared between the workers.
  std::size_t max_connections = 0;
  Pin pin = Pin::kAuto;
  runtime::EnvVars env;  // the handler's env and process.env
  EngineOptions engine;
  std::string handler_path;
  std::string handler_source;
};

int serve(const ServerOptions& options);

const char* backend_name(Backend b);

}  // namespace kite::server
