// `kite run FILE.js` / `kite run -e CODE`: run a script to completion.
// Exit codes: 0 ok, 1 uncaught exception or syntax error, 2 usage or I/O.
#include <kite/engine/engine.h>

#include <fmt/core.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "cli/options.h"

namespace kite::cli {

namespace {
void usage() {
  fmt::print(
      stderr,
      "usage: kite run [--gc-stress] [--print-bytecode] [-m LIMIT] [--stack-depth N] FILE.js\n"
      "       kite run [options] -e CODE\n");
}
}  // namespace

int run_command(int argc, char** argv) {
  EngineOptions options;
  std::string file;
  std::string code;
  bool have_code = false;
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
  Completion c = engine.run_script(code, name);
  std::fflush(stdout);
  if (!c.ok) {
    std::fputs(c.report.c_str(), stderr);
    return 1;
  }
  return 0;
}

}  // namespace kite::cli
