// The regression gate: a current result against a baseline, bench by bench
// and as a geometric mean, with the thresholds of docs/harness.md.
//
// Ratios are "badness" ratios (stats.h badness_ratio): > 1 is worse,
// whatever the bench's direction, so "+10.0%" always means a regression.
#pragma once

#include <kite/harness/results.h>

#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace kite::bench {

using harness::ResultFile;
using harness::RunContext;

struct GateOptions {
  harness::Statistic statistic = harness::Statistic::kBest;
  double max_regression_pct = 8;                         // per unprotected bench
  double max_geomean_regression_pct = 3;                 // over every compared bench
  std::set<std::string, std::less<>> protected_benches;  // count only in the geomean
};

enum class RowVerdict {
  kOk,          // within the threshold
  kBetter,      // better by more than the threshold (noted, passes)
  kRegression,  // worse by more than the threshold: fails
  kProtected,   // protected: its ratio only feeds the geomean
  kMissing,     // in the baseline, not in the current run: fails
  kNew,         // in the current run, not in the baseline: noted
};

struct GateRow {
  std::string name;
  std::string unit;
  std::optional<double> baseline;
  std::optional<double> current;
  std::optional<double> ratio;
  RowVerdict verdict = RowVerdict::kOk;
};

struct GateReport {
  std::vector<GateRow> rows;  // baseline order, then new benches
  std::size_t compared = 0;   // benches in both (protected included)
  double geomean_ratio = 1.0;
  bool geomean_failed = false;
  std::vector<std::string> regressed;  // names of kRegression rows
  std::vector<std::string> missing;
  std::vector<std::string> added;

  bool passed() const { return regressed.empty() && missing.empty() && !geomean_failed; }
};

// Throws harness::ResultError (with what to do) when the two contexts were
// not measured the same way: machine class, metric, build type, sanitizer,
// perf-flag master or any perf flag differ.
void require_comparable(const RunContext& baseline, const RunContext& current);

// Compares `current` with `baseline` after summarizing both sides' samples
// with options.statistic. Throws harness::ResultError when a bench's unit or
// direction differs between the two, or the baseline is empty.
GateReport evaluate_gate(const ResultFile& baseline, const ResultFile& current,
                         const GateOptions& options);

// "gate: PASS (12 benches, geomean +1.2%)" or "gate: FAIL: ..." naming every
// failing bench.
std::string verdict_line(const GateReport& report, const GateOptions& options);

// The table (bench, baseline, current, ratio, change, verdict) then the
// verdict line.
void print_gate_report(const GateReport& report, const GateOptions& options, std::ostream& out);

}  // namespace kite::bench
