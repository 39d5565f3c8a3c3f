// `kite-bench compare` (compare.h).
#include "compare.h"

#include "table.h"

#include <fmt/format.h>

namespace kite::bench {

namespace {

std::string on_off(bool on) {
  return on ? "ON" : "OFF";
}

double summarized(const harness::Benchmark& b, harness::Statistic statistic) {
  harness::Benchmark copy = b;
  harness::apply_statistic(copy, statistic);
  return copy.value;
}

}  // namespace

std::vector<std::string> context_differences(const harness::RunContext& a,
                                             const harness::RunContext& b) {
  std::vector<std::string> out;
  auto diff = [&](std::string_view field, const std::string& x, const std::string& y) {
    if (x != y) out.push_back(fmt::format("{}: {} -> {}", field, x, y));
  };
  diff("machine_class", a.machine_class, b.machine_class);
  diff("cpu_model", a.cpu_model, b.cpu_model);
  diff("cores", std::to_string(a.cores), std::to_string(b.cores));
  diff("kernel", a.kernel, b.kernel);
  diff("compiler", a.compiler, b.compiler);
  diff("build_type", a.build_type, b.build_type);
  diff("sanitize", a.sanitize, b.sanitize);
  diff("metric", a.metric, b.metric);
  diff("commit", a.commit, b.commit);
  diff("perf_opts", on_off(a.perf_opts), on_off(b.perf_opts));
  for (const auto& [name, on] : a.perf_flags) {
    auto it = b.perf_flags.find(name);
    diff(name, on_off(on), it == b.perf_flags.end() ? "absent" : on_off(it->second));
  }
  for (const auto& [name, on] : b.perf_flags) {
    if (!a.perf_flags.contains(name)) diff(name, "absent", on_off(on));
  }
  return out;
}

CompareReport compare_results(const harness::ResultFile& a, const harness::ResultFile& b,
                              harness::Statistic statistic) {
  CompareReport report;
  report.context_differences = context_differences(a.context, b.context);
  std::vector<double> ratios;
  for (const harness::Benchmark& x : a.benchmarks) {
    CompareRow row;
    row.name = x.name;
    row.unit = x.unit;
    row.a = summarized(x, statistic);
    if (const harness::Benchmark* y = b.find(x.name); y && y->unit == x.unit) {
      row.b = summarized(*y, statistic);
      row.ratio = harness::badness_ratio(*row.a, *row.b, x.higher_is_better);
      ratios.push_back(*row.ratio);
      ++report.compared;
      if (x.samples.size() >= kMinSamplesForTest && y->samples.size() >= kMinSamplesForTest) {
        row.test = harness::mann_whitney_u(x.samples, y->samples);
      }
    }
    report.rows.push_back(row);
  }
  for (const harness::Benchmark& y : b.benchmarks) {
    if (a.find(y.name)) continue;
    CompareRow row;
    row.name = y.name;
    row.unit = y.unit;
    row.b = summarized(y, statistic);
    report.rows.push_back(row);
  }
  report.geomean_ratio = harness::geomean(ratios);
  return report;
}

void print_compare_report(const CompareReport& report, std::ostream& out) {
  for (const std::string& d : report.context_differences) out << "context differs: " << d << '\n';
  Table table({"bench", "A", "B", "ratio", "change", "p-value"});
  for (const CompareRow& row : report.rows) {
    table.add({row.name, format_value(row.a, row.unit), format_value(row.b, row.unit),
               format_ratio(row.ratio), format_change(row.ratio),
               row.test ? fmt::format("{:.4f}", row.test->p_value) : "-"});
  }
  table.print(out);
  out << fmt::format("compare: {} benches, geomean {} (B against A; + is worse)\n", report.compared,
                     format_change(report.geomean_ratio));
}

}  // namespace kite::bench
