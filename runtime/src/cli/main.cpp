// The `kite` command line: dispatches to the subcommands.
#include <kite/build_info.h>
#include <kite/engine/engine.h>
#include <kite/perf_flags.h>

#include <fmt/core.h>

#include <cstdio>
#include <cstring>
#include <exception>
#include <string_view>

#include "cli/options.h"

namespace {

void print_usage(std::FILE* to) {
  fmt::print(to,
             "usage: kite <command> [options]\n"
             "  kite run FILE.js | -e CODE   run a script\n"
             "  kite serve [options] FILE.js serve an HTTP handler (kite serve --help)\n"
             "  kite --version [--verbose]   version, build and perf flags\n");
}

int print_version(bool verbose) {
  fmt::print("kite {}\n", kite::build_info::kVersion);
  if (!verbose) return 0;
  fmt::print("{}\n", kite::engine_version());
  fmt::print("commit: {}\ncompiler: {}\nbuild type: {}\n", kite::build_info::kCommit,
             kite::build_info::kCompiler, kite::build_info::kBuildType);
  fmt::print("perf flags (KITE_PERF_OPTS={}):\n", kite::kPerfOptsMaster ? "ON" : "OFF");
  for (const kite::PerfFlag& flag : kite::kPerfFlags) {
    fmt::print("  {:<26} {:<3}  {}\n", flag.name, flag.enabled ? "ON" : "OFF", flag.description);
  }
  return 0;
}

int dispatch(int argc, char** argv) {
  if (argc < 2) {
    print_usage(stderr);
    return 2;
  }
  std::string_view command = argv[1];
  if (command == "--version" || command == "-v") {
    bool verbose = argc > 2 && std::strcmp(argv[2], "--verbose") == 0;
    return print_version(verbose);
  }
  if (command == "run") return kite::cli::run_command(argc - 2, argv + 2);
  if (command == "serve") return kite::cli::serve_command(argc - 2, argv + 2);
  if (command == "--help" || command == "-h") {
    print_usage(stdout);
    return 0;
  }
  fmt::print(stderr, "kite: unknown command '{}'\n", command);
  print_usage(stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  // What a subcommand does not handle itself (out of memory, a failed write
  // to stdout) ends kite with its message and status 1, not std::terminate.
  try {
    return dispatch(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kite: %s\n", e.what());
    return 1;
  }
}
