// `kite run FILE.js` / `kite run -e CODE`: run a script or an ES module to
// completion: its jobs (promise reactions, microtasks) and timers until none
// remain. A file is a module when it ends in .mjs, with --module, or when
// it is not a valid script but is a valid module (it imports, exports or
// awaits at top level), as Node detects it; .cjs is always a script.
// Exit codes: 0 ok, 1 uncaught exception or syntax error, 2 usage or I/O,
// 13 a top-level await that never settled (as Node).
#include <kite/engine/engine.h>

#include <fmt/core.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "cli/options.h"

namespace kite::cli {

namespace {
void usage() {
  fmt::print(
      stderr,
      "usage: kite run [--gc-stress] [--print-bytecode] [-m LIMIT] [--stack-depth N]\n"
      "                [--unhandled-rejections=throw|warn|none] [--module|--script]\n"
      "                [--preload SCRIPT]... FILE.js|FILE.mjs\n"
      "       kite run [options] -e CODE\n"
      "  --module                run FILE as an ES module (default: .mjs, or a file that\n"
      "                          only parses as a module)\n"
      "  --script                run FILE as a classic script, even if it ends in .mjs\n"
      "  --preload SCRIPT        run SCRIPT (a classic script) first, in the same realm\n"
      "  --unhandled-rejections  a promise rejected with no handler once the jobs have run:\n"
      "                          throw (default: report it, exit 1), warn (report it, go on),\n"
      "                          none (ignore it)\n");
}
}  // namespace

enum class Unhandled { kThrow, kWarn, kNone };

int run_command(int argc, char** argv) {
  EngineOptions options;
  Unhandled unhandled = Unhandled::kThrow;
  std::string file;
  std::string code;
  bool have_code = false;
  bool force_module = false;
  bool force_script = false;
  std::vector<std::string> preloads;
  for (int i = 0; i < argc; ++i) {
    std::string_view a = argv[i];
    auto need_value = [&](const char* flag) -> const char* {
      if (i + 1 >= argc) {
        fmt::print(stderr, "kite run: {} needs a value\n", flag);
        return nullptr;
      }
      return argv[++i];
    };
    if (a == "--gc-stress") {
      options.gc_stress = true;
    } else if (a == "--print-bytecode") {
      options.print_bytecode = true;
    } else if (a == "-m" || a == "--memory-limit") {
      const char* v = need_value("-m");
      if (v == nullptr) return 2;
      auto size = parse_size(v);
      if (!size || *size == 0) {
        fmt::print(stderr, "kite run: invalid memory limit '{}' (examples: 64k, 1m, 2g)\n", v);
        return 2;
      }
      options.memory_limit = *size;
    } else if (a == "--stack-depth") {
      const char* v = need_value("--stack-depth");
      if (v == nullptr) return 2;
      options.max_call_depth = static_cast<std::uint32_t>(std::strtoul(v, nullptr, 10));
      if (options.max_call_depth == 0) {
        fmt::print(stderr, "kite run: invalid --stack-depth '{}'\n", v);
        return 2;
      }
    } else if (a.rfind("--unhandled-rejections=", 0) == 0) {
      std::string_view mode = a.substr(a.find('=') + 1);
      if (mode == "throw" || mode == "strict") {
        unhandled = Unhandled::kThrow;
      } else if (mode == "warn") {
        unhandled = Unhandled::kWarn;
      } else if (mode == "none") {
        unhandled = Unhandled::kNone;
      } else {
        fmt::print(stderr, "kite run: invalid --unhandled-rejections '{}' (throw, warn or none)\n",
                   mode);
        return 2;
      }
    } else if (a == "--module") {
      force_module = true;
    } else if (a == "--script") {
      force_script = true;
    } else if (a == "--preload") {
      const char* v = need_value("--preload");
      if (v == nullptr) return 2;
      preloads.emplace_back(v);
    } else if (a == "-e") {
      const char* v = need_value("-e");
      if (v == nullptr) return 2;
      code = v;
      have_code = true;
    } else if (a == "-h" || a == "--help") {
      usage();
      return 0;
    } else if (!a.empty() && a[0] == '-') {
      fmt::print(stderr, "kite run: unknown option '{}'\n", a);
      usage();
      return 2;
    } else if (file.empty()) {
      file = std::string(a);
    } else {
      fmt::print(stderr, "kite run: more than one script given ('{}' and '{}')\n", file, a);
      return 2;
    }
  }
  if (!have_code && file.empty()) {
    usage();
    return 2;
  }
  std::string name = have_code ? "[eval]" : file;
  if (!have_code) {
    auto text = read_file(file);
    if (!text) {
      fmt::print(stderr, "kite run: cannot read '{}': {}\n", file, std::strerror(errno));
      return 2;
    }
    code = std::move(*text);
  }
  Engine engine(options);
  Completion c;
  for (const std::string& pre : preloads) {
    auto text = read_file(pre);
    if (!text) {
      fmt::print(stderr, "kite run: cannot read '{}': {}\n", pre, std::strerror(errno));
      return 2;
    }
    c = engine.run_script(*text, pre);
    if (!c.ok) break;
  }
  auto ends_with = [&](std::string_view suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  bool as_module = !have_code && !force_script && (force_module || ends_with(".mjs"));
  if (c.ok) c = as_module ? engine.run_module(code, name) : engine.run_script(code, name);
  if (!c.ok && c.is_syntax_error && !as_module && !have_code && !force_script &&
      !ends_with(".cjs") && Engine::parses_only_as_module(code)) {
    as_module = true;
    c = engine.run_module(code, name);
  }
  // The event loop, as Node runs it: after the script and after each
  // timer, every queued job; then unhandled rejections are fatal; sleep
  // until the next timer while any remains.
  while (c.ok) {
    c = engine.run_jobs();
    if (!c.ok) break;
    if (as_module) {
      c = engine.module_result();
      if (!c.ok) break;
    }
    c = engine.take_unhandled_rejection();
    if (!c.ok && unhandled != Unhandled::kThrow) {
      if (unhandled == Unhandled::kWarn) std::fputs(c.report.c_str(), stderr);
      c = Completion{};
    }
    if (!c.ok) break;
    double delay = engine.next_timer_delay_ms();
    if (delay < 0) break;
    if (delay > 0) std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(delay));
    c = engine.run_due_timers();
  }
  std::fflush(stdout);
  if (!c.ok) {
    std::fputs(c.report.c_str(), stderr);
    return 1;
  }
  bool pending = false;
  if (as_module) engine.module_result(&pending);
  if (pending) {
    fmt::print(stderr, "Warning: Detected unsettled top-level await in {}\n", name);
    return 13;
  }
  return 0;
}

}  // namespace kite::cli
