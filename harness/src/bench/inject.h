// KITE_BENCH_INJECT, the gate's test hook (docs/harness.md): makes named
// benches of the current run worse by a factor, to prove that the gate
// catches a regression of that size. Never set it in CI.
#pragma once

#include "args.h"

#include <kite/harness/results.h>

#include <map>
#include <string>
#include <string_view>

namespace kite::bench {

inline constexpr const char* kInjectEnv = "KITE_BENCH_INJECT";

// "js/a:1.10,js/b:2" -> {js/a: 1.10, js/b: 2}. Throws UsageError on a
// malformed spec or a factor that is not a positive number.
std::map<std::string, double> parse_inject(std::string_view spec);

// Makes each named bench `factor` times worse: time-like values (lower is
// better) are multiplied, higher-is-better values divided; every sample and
// the value. Throws UsageError when a named bench is not in `result`.
void apply_inject(harness::ResultFile& result, const std::map<std::string, double>& factors);

}  // namespace kite::bench
