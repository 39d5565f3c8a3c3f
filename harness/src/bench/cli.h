// kite-bench's command line: `kite-bench <command> [options]` with the
// commands check, compare, promote, ab, convert, http, cold and report
// (run_cli dispatches them; `kite-bench --help` lists their options;
// docs/harness.md).
//
// Exit status: 0 success (for check: the gate passed), 1 the gate failed
// (check only), 2 unusable input or usage (the message on `err` says what to
// do).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace kite::bench {

inline constexpr int kExitOk = 0;
inline constexpr int kExitGateFailed = 1;
inline constexpr int kExitUnusable = 2;

// `args` excludes the program name. Tables and verdicts go to `out`;
// progress, notes and errors to `err`.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace kite::bench
