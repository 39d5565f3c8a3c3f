// A/B analysis: two configurations measured in interleaved rounds
// (A B A B ...). Per round and bench, the pair ratio B against A; per bench,
// the median pair ratio, a Mann-Whitney U test of A's samples against B's
// and a verdict at significance level kAbAlpha.
#pragma once

#include <kite/harness/results.h>
#include <kite/harness/stats.h>

#include <nlohmann/json_fwd.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace kite::bench {

inline constexpr double kAbAlpha = 0.05;

struct AbRow {
  std::string name;
  std::string unit;
  bool higher_is_better = false;
  std::vector<double> a_samples;    // one per round
  std::vector<double> b_samples;    // one per round
  std::vector<double> pair_ratios;  // badness ratio of B against A, per round
  double median_ratio = 1;
  harness::MannWhitney test;
  std::string verdict;  // "B faster", "B slower", "no significant difference"
};

struct AbReport {
  std::string a_label;
  std::string b_label;
  harness::RunContext a_context;
  harness::RunContext b_context;
  std::vector<AbRow> rows;
};

// `a_runs[i]` and `b_runs[i]` are round i. Benches absent from either side
// in some round are left out.
AbReport analyze_ab(std::string a_label, std::string b_label,
                    const std::vector<harness::ResultFile>& a_runs,
                    const std::vector<harness::ResultFile>& b_runs);

nlohmann::ordered_json ab_to_json(const AbReport& report);
void print_ab_report(const AbReport& report, std::ostream& out);

}  // namespace kite::bench
