// `kite serve [options] handler.js`: parse flags, read the handler, serve.
// Exit codes: 0 after a signal-initiated drain, 1 startup failure (handler
// error, port in use), 2 usage.
#include <fmt/core.h>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

#include "cli/options.h"
#include "handler/env.h"
#include "server/server.h"

namespace kite::cli {

namespace {

void usage(std::FILE* to) {
  fmt::print(to,
             "usage: kite serve [options] handler.js\n"
             "  --host ADDR            address to listen on (default 127.0.0.1)\n"
             "  --port N               port (default 8080; 0 picks a free one)\n"
             "  --workers N            worker threads (default: one per core)\n"
             "  --backend B            auto | uring | epoll (default auto)\n"
             "  -q, --quiet            no access log\n"
             "  -m, --memory-limit SZ  heap limit per worker, e.g. 64m\n"
             "  --max-header SZ        request head limit (default 16k; over it: 431)\n"
             "  --max-body SZ          request body limit (default 1m; over it: 413)\n"
             "  --read-timeout T       time to receive a whole request (default 30s; 408)\n"
             "  --idle-timeout T       idle keep-alive connections closed after (default 60s)\n"
             "  --handler-timeout T    handler time limit (default 30s; 504)\n"
             "  --grace T              drain time after SIGTERM/SIGINT (default 5s)\n"
             "  --busy-poll T          poll this long before sleeping (default 100us; 0: off)\n"
             "  --max-connections N    open connections per worker; past it a new one gets a\n"
             "                         503 with Retry-After and is closed (default: the\n"
             "                         file-descriptor limit shared between the workers)\n"
             "  --pin, --no-pin        pin each worker thread to a CPU (default: pin when\n"
             "                         there are as many workers as CPUs)\n"
             "  --env KEY=VALUE        a variable for the handler's env and process.env\n"
             "                         (repeatable; later ones win)\n"
             "  --env-file FILE        variables from a dotenv file (KEY=value, # comments,\n"
             "                         export prefix, 'single' and \"double\\n\" quotes)\n"
             "  --env-pass NAME        pass this variable of kite's own environment (repeatable;\n"
             "                         nothing else of it reaches the handler)\n"
             "sizes: 512, 64k, 1m, 2g; times: 50us, 250ms, 30s, 2m\n");
}

// "250ms", "30s", "2m", "50us", or plain seconds, in microseconds.
std::optional<std::chrono::microseconds> parse_duration_us(std::string_view s) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || v < 0) return std::nullopt;
  std::string_view unit(p, static_cast<std::size_t>(s.data() + s.size() - p));
  double us;
  if (unit.empty() || unit == "s") {
    us = v * 1e6;
  } else if (unit == "ms") {
    us = v * 1e3;
  } else if (unit == "us") {
    us = v;
  } else if (unit == "m") {
    us = v * 60e6;
  } else {
    return std::nullopt;
  }
  if (us > 1e15) return std::nullopt;
  return std::chrono::microseconds(static_cast<std::int64_t>(us));
}

// A duration of at least 1 ms, in milliseconds.
std::optional<std::chrono::milliseconds> parse_duration(std::string_view s) {
  auto us = parse_duration_us(s);
  if (!us || *us < std::chrono::milliseconds(1)) return std::nullopt;
  return std::chrono::duration_cast<std::chrono::milliseconds>(*us);
}

}  // namespace

int serve_command(int argc, char** argv) {
  server::ServerOptions o;
  o.engine.gc_min_threshold = 1u << 20;  // a small live set: collect early, keep RSS low
  std::string file;
  for (int i = 0; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&]() -> std::optional<std::string_view> {
      if (i + 1 >= argc) {
        fmt::print(stderr, "kite serve: {} needs a value\n", a);
        return std::nullopt;
      }
      return std::string_view(argv[++i]);
    };
    auto bad = [&](std::string_view v, std::string_view what) {
      fmt::print(stderr, "kite serve: invalid {} '{}' for {}\n", what, v, a);
      return 2;
    };
    if (a == "-h" || a == "--help") {
      usage(stdout);
      return 0;
    } else if (a == "-q" || a == "--quiet") {
      o.quiet = true;
    } else if (a == "--host") {
      auto v = value();
      if (!v) return 2;
      o.host = std::string(*v);
    } else if (a == "--port" || a == "-p") {
      auto v = value();
      if (!v) return 2;
      unsigned port = 0;
      auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), port);
      if (ec != std::errc() || p != v->data() + v->size() || port > 65535) {
        return bad(*v, "port");
      }
      o.port = static_cast<std::uint16_t>(port);
    } else if (a == "--workers" || a == "-w") {
      auto v = value();
      if (!v) return 2;
      unsigned n = 0;
      auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
      if (ec != std::errc() || p != v->data() + v->size() || n == 0 || n > 1024) {
        return bad(*v, "worker count");
      }
      o.workers = n;
    } else if (a == "--backend") {
      auto v = value();
      if (!v) return 2;
      if (*v == "auto") {
        o.backend = server::Backend::kAuto;
      } else if (*v == "uring" || *v == "io_uring") {
        o.backend = server::Backend::kUring;
      } else if (*v == "epoll") {
        o.backend = server::Backend::kEpoll;
      } else {
        return bad(*v, "backend (auto, uring or epoll)");
      }
    } else if (a == "-m" || a == "--memory-limit" || a == "--max-header" || a == "--max-body") {
      auto v = value();
      if (!v) return 2;
      auto size = parse_size(*v);
      if (!size || *size == 0) return bad(*v, "size");
      if (a == "--max-header") {
        o.limits.max_header_bytes = *size;
      } else if (a == "--max-body") {
        o.limits.max_body_bytes = *size;
      } else {
        o.engine.memory_limit = *size;
      }
    } else if (a == "--read-timeout" || a == "--idle-timeout" || a == "--handler-timeout" ||
               a == "--grace") {
      auto v = value();
      if (!v) return 2;
      auto d = parse_duration(*v);
      if (!d) return bad(*v, "duration");
      if (a == "--read-timeout") o.read_timeout = *d;
      if (a == "--idle-timeout") o.idle_timeout = *d;
      if (a == "--handler-timeout") o.handler_timeout = *d;
      if (a == "--grace") o.grace = *d;
    } else if (a == "--busy-poll") {
      auto v = value();
      if (!v) return 2;
      auto d = parse_duration_us(*v);
      if (!d || *d > std::chrono::seconds(1)) return bad(*v, "duration (at most 1s)");
      o.busy_poll = *d;
    } else if (a == "--max-connections") {
      auto v = value();
      if (!v) return 2;
      std::size_t n = 0;
      auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
      if (ec != std::errc() || p != v->data() + v->size() || n == 0 || n > (1u << 24)) {
        return bad(*v, "connection count (1 to 16777216)");
      }
      o.max_connections = n;
    } else if (a == "--pin") {
      o.pin = server::Pin::kOn;
    } else if (a == "--no-pin") {
      o.pin = server::Pin::kOff;
    } else if (a == "--env") {
      auto v = value();
      if (!v) return 2;
      std::size_t eq = v->find('=');
      if (eq == std::string_view::npos || !runtime::valid_env_name(v->substr(0, eq))) {
        return bad(*v, "variable (KEY=VALUE, KEY of letters, digits and _)");
      }
      runtime::set_env(&o.env, v->substr(0, eq), v->substr(eq + 1));
    } else if (a == "--env-file") {
      auto v = value();
      if (!v) return 2;
      auto text = read_file(std::string(*v));
      if (!text) {
        fmt::print(stderr, "kite serve: cannot read env file '{}': {}\n", *v, std::strerror(errno));
        return 2;
      }
      std::string error;
      if (!runtime::parse_dotenv(*text, *v, &o.env, &error)) {
        fmt::print(stderr, "kite serve: {}\n", error);
        return 2;
      }
    } else if (a == "--env-pass") {
      auto v = value();
      if (!v) return 2;
      if (!runtime::valid_env_name(*v)) return bad(*v, "variable name");
      // A variable kite was not given is not passed (the handler sees
      // undefined, as for any name not set).
      if (const char* pass = std::getenv(std::string(*v).c_str())) {
        runtime::set_env(&o.env, *v, pass);
      }
    } else if (!a.empty() && a[0] == '-') {
      fmt::print(stderr, "kite serve: unknown option '{}'\n", a);
      usage(stderr);
      return 2;
    } else if (file.empty()) {
      file = std::string(a);
    } else {
      fmt::print(stderr, "kite serve: more than one handler given ('{}' and '{}')\n", file, a);
      return 2;
    }
  }
  if (file.empty()) {
    usage(stderr);
    return 2;
  }
  auto text = read_file(file);
  if (!text) {
    fmt::print(stderr, "kite serve: cannot read '{}': {}\n", file, std::strerror(errno));
    return 2;
  }
  o.handler_path = file;
  o.handler_source = std::move(*text);
  return server::serve(o);
}

}  // namespace kite::cli
