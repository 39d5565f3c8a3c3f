// Handler: load a handler file into an engine and serve requests with it
// (kite/runtime/handler.h is the contract). The data flow of one request,
// in handle(): http::Request -> RequestBinding::make -> handler(req) ->
// ResponseBinding::write -> the connection's OutBuffer. Everything here
// goes through the engine's embedding interface (kite/engine/host.h).
#include <kite/engine/host.h>
#include <kite/runtime/handler.h>

#include <fmt/core.h>

#include <cstdio>
#include <string>

#include "handler/bindings.h"
#include "handler/env.h"

namespace kite::runtime {

struct Handler::Impl {
  HandlerOptions options;
  Bindings bindings;     // the Host's embedder data
  JsValue handler_fn;    // kept alive by persist(): the function each request calls
  JsValue handler_this;  // its `this`: the default export for `{ fetch }`, else undefined
  JsValue env;           // the second argument: process.env, kept alive by persist()

  void log(std::string_view line) {
    if (options.error_log) {
      options.error_log(line);
    } else {
      std::fwrite(line.data(), 1, line.size(), stderr);
      std::fputc('\n', stderr);
    }
  }
};

// Drains the engine's job queue after a handler call. Errors of the jobs
// (a throwing queueMicrotask callback, a rejection nobody handles) are
// logged; false only when the time limit interrupted them.
bool Handler::run_jobs(Impl& im, const http::Request& req) {
  Completion c = engine_->run_jobs();
  if (!c.ok) {
    if (c.interrupted) {
      im.log(fmt::format(
          "kite: {} {}: the handler's jobs exceeded its time limit and were interrupted",
          req.method, req.path));
      return false;
    }
    im.log(fmt::format("kite: {} {}: a job the handler queued threw: {}", req.method, req.path,
                       c.message));
  }
  Completion r = engine_->take_unhandled_rejection();
  if (!r.ok) im.log(fmt::format("kite: {} {}: {}", req.method, req.path, r.message));
  return true;
}

Handler::Handler() : impl_(std::make_unique<Impl>()) {}
Handler::~Handler() = default;

std::unique_ptr<Handler> Handler::load(std::string_view source, std::string_view filename,
                                       HandlerOptions options, std::string* error) {
  std::unique_ptr<Handler> h(new Handler());
  h->engine_ = std::make_unique<Engine>(options.engine);
  h->impl_->options = std::move(options);
  Host& host = h->engine_->host();
  host.set_embedder_data(&h->impl_->bindings);
  h->impl_->bindings.request.install(host);
  h->impl_->bindings.response.install(host);
  // Before the handler's top-level code runs, which may read process.env.
  h->impl_->env = install_env(host, h->impl_->options.env);
  host.persist(h->impl_->env);

  // A handler file is a module when it ends in .mjs or only parses as one
  // (it imports, exports or awaits at top level), as `kite run` decides.
  bool is_module = (filename.size() >= 4 && filename.substr(filename.size() - 4) == ".mjs") ||
                   Engine::parses_only_as_module(source);
  Completion c = is_module ? h->engine_->run_module(source, filename)
                           : h->engine_->run_script(source, filename);
  if (c.ok && is_module) {
    // A top-level await finishes while the module's jobs run.
    c = h->engine_->run_jobs();
    bool pending = false;
    if (c.ok) c = h->engine_->module_result(&pending);
    if (c.ok && pending) {
      *error = fmt::format("{}: the module's top-level await never settled\n", filename);
      return nullptr;
    }
  }
  if (!c.ok) {
    *error = c.report;
    return nullptr;
  }
  JsValue fn;
  JsValue self;
  bool found = false;
  try {
    // The forms, in order: `export default { fetch(req) {...} }`,
    // `export default function (req) {...}`, a global `function handler`.
    JsValue def;
    if (is_module && host.module_export("default", &def)) {
      if (host.is_callable(def)) {
        fn = def;
        found = true;
      } else if (def.is_object()) {
        HostRoot keep(host, def);
        JsValue fetch = host.get(def, host.name("fetch"));
        if (host.is_callable(fetch)) {
          fn = fetch;
          self = keep.get();
          found = true;
        }
      }
      if (!found) {
        *error = fmt::format(
            "{}: the default export is neither a function nor an object with a fetch method "
            "(write `export default {{ fetch(req) {{ return Response.json({{ ok: true }}); }} "
            "}}`)\n",
            filename);
        return nullptr;
      }
    }
    if (!found) found = host.lookup_global("handler", &fn) && host.is_callable(fn);
  } catch (ScriptThrow&) {
    *error = fmt::format("{}: {}\n", filename, host.take_exception().message);
    return nullptr;
  }
  if (!found) {
    *error = fmt::format(
        "{}: the handler file defines no handler: export one (`export default {{ fetch(req) "
        "{{ ... }} }}` or `export default function (req) {{ ... }}`) or define a global "
        "function `handler` (`function handler(req) {{ return Response.json({{ ok: true }}); "
        "}}`)\n",
        filename);
    return nullptr;
  }
  host.persist(self);
  h->impl_->handler_this = self;
  host.persist(fn);
  h->impl_->handler_fn = fn;
  return h;
}

HandlerOutcome Handler::handle(const http::Request& req, std::uint32_t token, http::OutBuffer& out,
                               http::DateCache& date) {
  Host& host = engine_->host();
  Impl& im = *impl_;
  HandlerOutcome outcome;
  auto fail = [&](int status) {
    outcome.status = status;
    outcome.fault = true;
    http::write_error(out, date, status, !req.keep_alive, req.version_minor);
  };
  engine_->set_interrupt_token(token);
  try {
    // 1. http::Request -> JS Request.
    HostRoot request(host, im.bindings.request.make(host, req));
    // 2. handler(req, env).
    const JsValue args[] = {request.get(), im.env};
    HostRoot result(host, host.call(im.handler_fn, im.handler_this, args));
    // 3. Jobs the handler queued (promise reactions, microtasks) run now,
    // inside its time limit; a promise it returned must be settled by then.
    if (engine_->has_pending_jobs() && !run_jobs(im, req)) {
      fail(504);
      return outcome;
    }
    // 4. JS Response -> bytes.
    HostClass cls = im.bindings.response.class_of(host, result);
    if (cls.id == 0) {
      JsValue settled;
      switch (host.promise_state(result, &settled)) {
        case Host::PromiseState::kFulfilled:
          result.set(settled);
          cls = im.bindings.response.class_of(host, result);
          break;
        case Host::PromiseState::kRejected: {
          HostRoot reason(host, settled);
          im.log(fmt::format("kite: {} {}: the handler's promise rejected with {}", req.method,
                             req.path, host.describe(reason)));
          fail(500);
          return outcome;
        }
        case Host::PromiseState::kPending:
          im.log(fmt::format("kite: {} {}: the handler's promise did not settle once its jobs ran",
                             req.method, req.path));
          fail(500);
          return outcome;
        case Host::PromiseState::kNotAPromise:
          break;
      }
    }
    if (cls.id == 0) {
      im.log(
          fmt::format("kite: {} {}: handler returned {}, not a Response (use Response.json(...))",
                      req.method, req.path, host.describe(result)));
      fail(500);
      return outcome;
    }
    std::string error;
    if (!im.bindings.response.write(host, result, cls, req, out, date, &outcome.status, &error)) {
      im.log(fmt::format("kite: {} {}: {}", req.method, req.path, error));
      fail(500);
    }
    return outcome;
  } catch (ScriptThrow&) {
    Completion c = host.take_exception();
    if (c.interrupted) {
      im.log(fmt::format("kite: {} {}: handler exceeded its time limit and was interrupted",
                         req.method, req.path));
      fail(504);
    } else {
      std::string report = c.report;
      while (!report.empty() && report.back() == '\n') report.pop_back();
      im.log(fmt::format("kite: {} {}: handler threw: {}", req.method, req.path, report));
      fail(500);
    }
    // A request that ran the heap to its limit leaves garbage behind:
    // reclaim it now rather than failing the next request too.
    std::size_t limit = im.options.engine.memory_limit;
    if (limit != 0 && engine_->heap_size() > limit / 2) engine_->collect_garbage();
    return outcome;
  }
}

}  // namespace kite::runtime
