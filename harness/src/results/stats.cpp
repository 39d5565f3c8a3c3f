// Summaries, geometric mean and the Mann-Whitney U test (stats.h).
#include <kite/harness/stats.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>
#include <vector>

namespace kite::harness {

double best(std::span<const double> samples, bool higher_is_better) {
  assert(!samples.empty());
  return higher_is_better ? *std::max_element(samples.begin(), samples.end())
                          : *std::min_element(samples.begin(), samples.end());
}

double percentile(std::span<const double> samples, double p) {
  assert(!samples.empty());
  std::vector<double> sorted(samples.begin(), samples.end());
  std::sort(sorted.begin(), sorted.end());
  const double rank = std::clamp(p, 0.0, 100.0) / 100.0 * static_cast<double>(sorted.size() - 1);
  const auto lower = static_cast<std::size_t>(std::floor(rank));
  const std::size_t upper = std::min(lower + 1, sorted.size() - 1);
  const double fraction = rank - static_cast<double>(lower);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
}

double median(std::span<const double> samples) {
  return percentile(samples, 50);
}

double p75(std::span<const double> samples, bool higher_is_better) {
  return percentile(samples, higher_is_better ? 25 : 75);
}

double summarize(std::span<const double> samples, Statistic statistic, bool higher_is_better) {
  switch (statistic) {
    case Statistic::kBest:
      return best(samples, higher_is_better);
    case Statistic::kMedian:
      return median(samples);
    case Statistic::kP75:
      return p75(samples, higher_is_better);
    case Statistic::kSingle:
      break;
  }
  assert(!samples.empty());
  return samples.front();
}

double geomean(std::span<const double> values) {
  if (values.empty()) return 1.0;
  double log_sum = 0;
  for (double v : values) log_sum += std::log(v);
  return std::exp(log_sum / static_cast<double>(values.size()));
}

double badness_ratio(double baseline, double current, bool higher_is_better) {
  return higher_is_better ? baseline / current : current / baseline;
}

MannWhitney mann_whitney_u(std::span<const double> a, std::span<const double> b) {
  MannWhitney result;
  if (a.empty() || b.empty()) return result;
  // Rank the pooled samples, giving tied values the mean of their ranks.
  struct Item {
    double value;
    bool from_a;
  };
  std::vector<Item> pooled;
  for (double v : a) pooled.push_back({v, true});
  for (double v : b) pooled.push_back({v, false});
  std::sort(pooled.begin(), pooled.end(),
            [](const Item& x, const Item& y) { return x.value < y.value; });
  const double n1 = static_cast<double>(a.size());
  const double n2 = static_cast<double>(b.size());
  const double n = n1 + n2;
  double rank_sum_a = 0;
  double tie_term = 0;  // sum over tie groups of t^3 - t
  for (std::size_t i = 0; i < pooled.size();) {
    std::size_t j = i;
    while (j < pooled.size() && pooled[j].value == pooled[i].value) ++j;
    const double t = static_cast<double>(j - i);
    const double mean_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
    for (std::size_t k = i; k < j; ++k) {
      if (pooled[k].from_a) rank_sum_a += mean_rank;
    }
    tie_term += t * t * t - t;
    i = j;
  }
  result.u = rank_sum_a - n1 * (n1 + 1) / 2.0;
  const double mean_u = n1 * n2 / 2.0;
  const double variance = n1 * n2 / 12.0 * ((n + 1) - tie_term / (n * (n - 1)));
  if (variance <= 0) return result;
  const double distance = std::max(0.0, std::abs(result.u - mean_u) - 0.5);
  result.z = std::copysign(distance / std::sqrt(variance), result.u - mean_u);
  result.p_value = std::min(1.0, std::erfc(distance / std::sqrt(variance) / std::sqrt(2.0)));
  return result;
}

}  // namespace kite::harness
