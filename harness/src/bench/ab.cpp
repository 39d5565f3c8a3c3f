// A/B analysis and its JSON (ab.h).
#include "ab.h"

#include "table.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace kite::bench {

AbReport analyze_ab(std::string a_label, std::string b_label,
                    const std::vector<harness::ResultFile>& a_runs,
                    const std::vector<harness::ResultFile>& b_runs) {
  AbReport report;
  report.a_label = std::move(a_label);
  report.b_label = std::move(b_label);
  if (a_runs.empty() || b_runs.empty()) return report;
  report.a_context = a_runs.front().context;
  report.b_context = b_runs.front().context;
  const std::size_t rounds = std::min(a_runs.size(), b_runs.size());
  for (const harness::Benchmark& first : a_runs.front().benchmarks) {
    AbRow row;
    row.name = first.name;
    row.unit = first.unit;
    row.higher_is_better = first.higher_is_better;
    bool complete = true;
    for (std::size_t i = 0; i < rounds && complete; ++i) {
      const harness::Benchmark* a = a_runs[i].find(first.name);
      const harness::Benchmark* b = b_runs[i].find(first.name);
      complete = a && b && a->unit == b->unit;
      if (!complete) break;
      row.a_samples.push_back(a->value);
      row.b_samples.push_back(b->value);
      row.pair_ratios.push_back(harness::badness_ratio(a->value, b->value, a->higher_is_better));
    }
    if (!complete) continue;
    row.median_ratio = harness::median(row.pair_ratios);
    row.test = harness::mann_whitney_u(row.a_samples, row.b_samples);
    if (row.test.p_value >= kAbAlpha) {
      row.verdict = "no significant difference";
    } else {
      row.verdict = row.median_ratio < 1 ? "B faster" : "B slower";
    }
    report.rows.push_back(std::move(row));
  }
  return report;
}

nlohmann::ordered_json ab_to_json(const AbReport& report) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const AbRow& row : report.rows) {
    rows.push_back({{"name", row.name},
                    {"unit", row.unit},
                    {"higher_is_better", row.higher_is_better},
                    {"a_samples", row.a_samples},
                    {"b_samples", row.b_samples},
                    {"pair_ratios", row.pair_ratios},
                    {"median_ratio", row.median_ratio},
                    {"mann_whitney_u", row.test.u},
                    {"p_value", row.test.p_value},
                    {"confidence", 1.0 - row.test.p_value},
                    {"verdict", row.verdict}});
  }
  auto side = [](const std::string& label, const harness::RunContext& context) {
    return nlohmann::ordered_json{
        {"label", label},
        {"context", harness::to_json(harness::ResultFile{context, {}})["context"]}};
  };
  return nlohmann::ordered_json{
      {"schema_version", harness::kSchemaVersion},
      {"kind", "ab"},
      {"alpha", kAbAlpha},
      {"rounds", report.rows.empty() ? 0 : report.rows.front().pair_ratios.size()},
      {"a", side(report.a_label, report.a_context)},
      {"b", side(report.b_label, report.b_context)},
      {"benchmarks", rows}};
}

void print_ab_report(const AbReport& report, std::ostream& out) {
  out << "A = " << report.a_label << "\nB = " << report.b_label << '\n';
  Table table({"bench", "A median", "B median", "B/A ratio", "change", "p-value", "verdict"});
  for (const AbRow& row : report.rows) {
    table.add({row.name, format_value(harness::median(row.a_samples), row.unit),
               format_value(harness::median(row.b_samples), row.unit),
               format_ratio(row.median_ratio), format_change(row.median_ratio),
               fmt::format("{:.4f}", row.test.p_value), row.verdict});
  }
  table.print(out);
  out << fmt::format(
      "ab: {} benches; ratio is the median per-round ratio, + is worse; "
      "significant at p < {}\n",
      report.rows.size(), kAbAlpha);
}

}  // namespace kite::bench
