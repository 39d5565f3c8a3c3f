// Statistics for benchmark samples: summaries (best, median, p75), the
// geometric mean of ratios and the Mann-Whitney U test. Pure functions.
#pragma once

#include <kite/harness/results.h>

#include <span>

namespace kite::harness {

// The best sample: the minimum, or the maximum when higher is better.
// Requires a non-empty span.
double best(std::span<const double> samples, bool higher_is_better);

// The median (the mean of the two middle values for an even count).
double median(std::span<const double> samples);

// The p-th percentile (0..100) with linear interpolation between closest
// ranks (rank = p/100 * (n-1) on the sorted samples).
double percentile(std::span<const double> samples, double p);

// The 75th percentile toward worse: three quarters of the samples are at
// least this good. The 75th percentile when lower is better, the 25th when
// higher is better.
double p75(std::span<const double> samples, bool higher_is_better);

// `statistic` of `samples`; kSingle takes the first sample.
double summarize(std::span<const double> samples, Statistic statistic, bool higher_is_better);

// exp(mean(log x)); every value must be positive. 1.0 for an empty span.
double geomean(std::span<const double> values);

// How much worse `current` is than `baseline`, as a ratio: > 1 is worse,
// < 1 is better, whatever the direction. current/baseline when lower is
// better, baseline/current when higher is better.
double badness_ratio(double baseline, double current, bool higher_is_better);

struct MannWhitney {
  double u = 0;        // U of the first sample: pairs (a, b) with a > b, ties 0.5
  double z = 0;        // normal approximation with tie and continuity correction
  double p_value = 1;  // two-sided
};

// Two-sided Mann-Whitney U test, normal approximation with the tie
// correction of the variance and a 0.5 continuity correction (R's
// wilcox.test(exact = FALSE), scipy's mannwhitneyu(method="asymptotic")).
// p_value is 1 when either sample is empty or every value is tied.
MannWhitney mann_whitney_u(std::span<const double> a, std::span<const double> b);

}  // namespace kite::harness
