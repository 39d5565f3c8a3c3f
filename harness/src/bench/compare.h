// `kite-bench compare`: two results side by side, with per-bench ratios,
// their geometric mean and a Mann-Whitney U p-value where both sides have
// at least kMinSamplesForTest samples. Ratios are badness ratios of B
// against A (> 1: B is worse).
#pragma once

#include <kite/harness/results.h>
#include <kite/harness/stats.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace kite::bench {

inline constexpr std::size_t kMinSamplesForTest = 3;

struct CompareRow {
  std::string name;
  std::string unit;
  std::optional<double> a;
  std::optional<double> b;
  std::optional<double> ratio;
  std::optional<harness::MannWhitney> test;
};

struct CompareReport {
  std::vector<CompareRow> rows;  // A's order, then benches only in B
  std::size_t compared = 0;
  double geomean_ratio = 1.0;
  std::vector<std::string> context_differences;  // "perf_opts: ON -> OFF", ...
};

// The context fields that differ, as "field: A -> B" (date, tool and
// arguments are not compared).
std::vector<std::string> context_differences(const harness::RunContext& a,
                                             const harness::RunContext& b);

CompareReport compare_results(const harness::ResultFile& a, const harness::ResultFile& b,
                              harness::Statistic statistic);

void print_compare_report(const CompareReport& report, std::ostream& out);

}  // namespace kite::bench
