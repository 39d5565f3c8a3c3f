// The regression gate (gate.h).
#include "gate.h"

#include "table.h"

#include <kite/harness/stats.h>

#include <fmt/format.h>

#include <cmath>

namespace kite::bench {

using harness::ResultError;

namespace {

std::string flags_text(const std::map<std::string, bool>& flags) {
  std::string text;
  for (const auto& [name, on] : flags) {
    if (!text.empty()) text += ", ";
    text += name + (on ? "=ON" : "=OFF");
  }
  return text.empty() ? "(none)" : text;
}

double summarized(const harness::Benchmark& b, harness::Statistic statistic) {
  harness::Benchmark copy = b;
  harness::apply_statistic(copy, statistic);
  return copy.value;
}

std::string_view verdict_text(RowVerdict verdict) {
  switch (verdict) {
    case RowVerdict::kOk:
      return "ok";
    case RowVerdict::kBetter:
      return "better";
    case RowVerdict::kRegression:
      return "REGRESSION";
    case RowVerdict::kProtected:
      return "protected";
    case RowVerdict::kMissing:
      return "MISSING";
    case RowVerdict::kNew:
      return "new (not gated)";
  }
  return "?";
}

}  // namespace

void require_comparable(const RunContext& baseline, const RunContext& current) {
  const std::string promote = "promote a baseline for this configuration with `kite-bench promote`";
  // Instruction counts come from callgrind's simulated CPU: the same binary
  // counts the same on any machine of one architecture (measured identical to
  // 2 instructions in 40M on AMD EPYC and Intel Xeon), so only time results
  // are tied to a machine class.
  const bool instructions = baseline.metric == "instructions" && current.metric == "instructions";
  if (instructions && baseline.arch != current.arch) {
    throw ResultError("baseline is for architecture " + baseline.arch + ", this is " +
                      current.arch + ": " +
                      "promote a baseline for this architecture with `kite-bench promote "
                      "--metric instructions`");
  }
  if (!instructions && baseline.machine_class != current.machine_class) {
    throw ResultError("baseline is for machine class " + baseline.machine_class + ", this is " +
                      current.machine_class + ": " +
                      "promote a baseline for this machine with `kite-bench promote`");
  }
  if (baseline.metric != current.metric) {
    throw ResultError("baseline measures '" + baseline.metric + "', this run measures '" +
                      current.metric + "': use the baseline for --metric " + current.metric +
                      " or " + promote);
  }
  if (baseline.build_type != current.build_type || baseline.sanitize != current.sanitize) {
    throw ResultError("baseline was built as '" + baseline.build_type + "' (sanitize '" +
                      baseline.sanitize + "'), this build is '" + current.build_type +
                      "' (sanitize '" + current.sanitize +
                      "'): gate a release build (cmake --preset release) or " + promote);
  }
  if (baseline.perf_opts != current.perf_opts || baseline.perf_flags != current.perf_flags) {
    throw ResultError(
        "perf flags differ: baseline has KITE_PERF_OPTS=" +
        std::string(baseline.perf_opts ? "ON" : "OFF") + " " + flags_text(baseline.perf_flags) +
        "; this run has KITE_PERF_OPTS=" + std::string(current.perf_opts ? "ON" : "OFF") + " " +
        flags_text(current.perf_flags) +
        ": build with the baseline's flags, compare the two with `kite-bench compare` or "
        "`kite-bench ab`, or " +
        promote);
  }
}

GateReport evaluate_gate(const ResultFile& baseline, const ResultFile& current,
                         const GateOptions& options) {
  if (baseline.benchmarks.empty()) {
    throw ResultError("the baseline has no benchmarks: promote one with `kite-bench promote`");
  }
  GateReport report;
  std::vector<double> ratios;
  for (const harness::Benchmark& base : baseline.benchmarks) {
    GateRow row{.name = base.name,
                .unit = base.unit,
                .baseline = summarized(base, options.statistic),
                .current = std::nullopt,
                .ratio = std::nullopt,
                .verdict = RowVerdict::kOk};
    const harness::Benchmark* now = current.find(base.name);
    if (!now) {
      row.verdict = RowVerdict::kMissing;
      report.missing.push_back(base.name);
      report.rows.push_back(row);
      continue;
    }
    if (now->unit != base.unit || now->higher_is_better != base.higher_is_better) {
      throw ResultError("bench " + base.name + " is measured in '" + base.unit +
                        "' in the baseline and '" + now->unit +
                        "' now (or its direction changed): promote a new baseline with "
                        "`kite-bench promote`");
    }
    row.current = summarized(*now, options.statistic);
    row.ratio = harness::badness_ratio(*row.baseline, *row.current, base.higher_is_better);
    ratios.push_back(*row.ratio);
    ++report.compared;
    const double change_pct = (*row.ratio - 1.0) * 100.0;
    if (options.protected_benches.contains(base.name)) {
      row.verdict = RowVerdict::kProtected;
    } else if (change_pct > options.max_regression_pct) {
      row.verdict = RowVerdict::kRegression;
      report.regressed.push_back(base.name);
    } else if (-change_pct > options.max_regression_pct) {
      row.verdict = RowVerdict::kBetter;
    }
    report.rows.push_back(row);
  }
  for (const harness::Benchmark& now : current.benchmarks) {
    if (baseline.find(now.name)) continue;
    report.added.push_back(now.name);
    report.rows.push_back(GateRow{.name = now.name,
                                  .unit = now.unit,
                                  .baseline = std::nullopt,
                                  .current = summarized(now, options.statistic),
                                  .ratio = std::nullopt,
                                  .verdict = RowVerdict::kNew});
  }
  report.geomean_ratio = harness::geomean(ratios);
  report.geomean_failed = (report.geomean_ratio - 1.0) * 100.0 > options.max_geomean_regression_pct;
  return report;
}

std::string verdict_line(const GateReport& report, const GateOptions& options) {
  const std::string geomean = format_change(report.geomean_ratio);
  if (report.passed()) {
    std::string line = fmt::format("gate: PASS ({} benches, geomean {})", report.compared, geomean);
    if (!report.added.empty()) line += fmt::format(", {} new", report.added.size());
    return line;
  }
  std::vector<std::string> reasons;
  for (const GateRow& row : report.rows) {
    if (row.verdict == RowVerdict::kRegression) {
      reasons.push_back(fmt::format("{} {} (limit {}%)", row.name, format_change(row.ratio),
                                    options.max_regression_pct));
    }
  }
  if (report.geomean_failed) {
    reasons.push_back(
        fmt::format("geomean {} (limit {}%)", geomean, options.max_geomean_regression_pct));
  }
  if (!report.missing.empty()) {
    reasons.push_back("missing from this run: " +
                      fmt::format("{}", fmt::join(report.missing, ", ")));
  }
  return "gate: FAIL: " + fmt::format("{}", fmt::join(reasons, "; "));
}

void print_gate_report(const GateReport& report, const GateOptions& options, std::ostream& out) {
  Table table({"bench", "baseline", "current", "ratio", "change", "verdict"});
  for (const GateRow& row : report.rows) {
    table.add({row.name, format_value(row.baseline, row.unit), format_value(row.current, row.unit),
               format_ratio(row.ratio), format_change(row.ratio),
               std::string(verdict_text(row.verdict))});
  }
  table.print(out);
  out << fmt::format("statistic {}, per-bench limit {}%, geomean limit {}%; + is worse\n",
                     harness::to_string(options.statistic), options.max_regression_pct,
                     options.max_geomean_regression_pct);
  out << verdict_line(report, options) << '\n';
}

}  // namespace kite::bench
