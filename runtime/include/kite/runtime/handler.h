// Handler: one worker's JavaScript world with the user's handler loaded, and
// the binding between parsed HTTP requests and it.
//
// Data flow: http::Request (views into the receive buffer) -> a JS `Request`
// object of a shape made once at load -> the handler (the module's
// `export default { fetch }` or `export default function`, or a script's
// global `handler(req)`; each is called with (req, env)) -> the
// jobs it queued (promise reactions, microtasks; a returned promise must be
// settled once they have run) ->
// a JS `Response` (from Response.json/text/html/rawJson) -> status line,
// headers and body appended straight into the connection's OutBuffer.
//
// Faults never escape: an exception is a 500 with a JSON body (details go to
// the error log), a non-Response result is a 500, an interrupt past the time
// limit is a 504, and the worker serves the next request.
//
// Threading: a Handler belongs to one worker thread. interrupt() is the one
// member another thread (the watchdog) may call.
#pragma once

#include <kite/engine/engine.h>
#include <kite/http/parser.h>
#include <kite/http/writer.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kite::runtime {

// The handler's environment variables, in order (kite serve's --env,
// --env-file and --env-pass).
using EnvVars = std::vector<std::pair<std::string, std::string>>;

struct HandlerOptions {
  EngineOptions engine;
  // What the handler sees as its `env` argument and as `process.env` (one
  // object of strings); nothing of the process's own environment.
  EnvVars env;
  // Where fault details go (one line each); default stderr.
  std::function<void(std::string_view)> error_log;
};

// What handle() did, for the access log and the tests.
struct HandlerOutcome {
  int status = 200;
  bool fault = false;  // 500/504 produced by the runtime, not the handler
};

class Handler {
 public:
  // Runs the handler file's top-level code once (as an ES module when it
  // ends in .mjs or only parses as one; its top-level await settles here)
  // and finds its handler: the default export (a function, or an object
  // with a `fetch` method called with `this` the object), else a global
  // function `handler`. On failure returns null and sets *error to a report
  // a user can act on (file:line:col for syntax errors).
  static std::unique_ptr<Handler> load(std::string_view source, std::string_view filename,
                                       HandlerOptions options, std::string* error);
  ~Handler();
  Handler(const Handler&) = delete;
  Handler& operator=(const Handler&) = delete;

  // Calls handler(req) and appends the complete response to `out`. `token`
  // identifies this call for interrupt(); pass a new non-zero value each time.
  HandlerOutcome handle(const http::Request& req, std::uint32_t token, http::OutBuffer& out,
                        http::DateCache& date);

  // Thread-safe: stops the call started with `token` (a late call for an
  // earlier token is ignored).
  void interrupt(std::uint32_t token) { engine_->request_interrupt(token); }

  Engine& engine() { return *engine_; }

 private:
  struct Impl;
  Handler();
  bool run_jobs(Impl& im, const http::Request& req);
  std::unique_ptr<Engine> engine_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kite::runtime
