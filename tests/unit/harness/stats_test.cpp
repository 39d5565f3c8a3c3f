// Pins the statistics the gate relies on: summaries, geomean, badness
// ratios and the Mann-Whitney U test against values from R's
// wilcox.test(x, y, exact = FALSE, correct = TRUE).
#include <kite/harness/stats.h>

#include <gtest/gtest.h>

#include <vector>

namespace {

using namespace kite::harness;

TEST(Stats, BestIsDirectionAware) {
  const std::vector<double> v{3, 1, 2};
  EXPECT_EQ(best(v, /*higher_is_better=*/false), 1);
  EXPECT_EQ(best(v, /*higher_is_better=*/true), 3);
}

TEST(Stats, MedianOddAndEven) {
  EXPECT_EQ(median(std::vector<double>{5, 1, 3}), 3);
  EXPECT_EQ(median(std::vector<double>{4, 1, 3, 2}), 2.5);
  EXPECT_EQ(median(std::vector<double>{7}), 7);
}

TEST(Stats, PercentileInterpolatesBetweenRanks) {
  const std::vector<double> v{10, 20, 30, 40, 50};
  EXPECT_EQ(percentile(v, 0), 10);
  EXPECT_EQ(percentile(v, 100), 50);
  EXPECT_EQ(percentile(v, 75), 40);
  EXPECT_DOUBLE_EQ(percentile(std::vector<double>{1, 2}, 75), 1.75);
}

TEST(Stats, P75LeansTowardWorse) {
  const std::vector<double> v{10, 20, 30, 40, 50};
  EXPECT_EQ(p75(v, /*higher_is_better=*/false), 40);  // slower times
  EXPECT_EQ(p75(v, /*higher_is_better=*/true), 20);   // lower throughput
}

TEST(Stats, SummarizeDispatches) {
  const std::vector<double> v{30, 10, 20, 50, 40};
  EXPECT_EQ(summarize(v, Statistic::kBest, false), 10);
  EXPECT_EQ(summarize(v, Statistic::kMedian, false), 30);
  EXPECT_EQ(summarize(v, Statistic::kP75, false), 40);
  EXPECT_EQ(summarize(v, Statistic::kSingle, false), 30);
}

TEST(Stats, Geomean) {
  EXPECT_DOUBLE_EQ(geomean(std::vector<double>{2, 8}), 4);
  EXPECT_DOUBLE_EQ(geomean(std::vector<double>{1.1}), 1.1);
  EXPECT_EQ(geomean(std::vector<double>{}), 1);
  EXPECT_NEAR(geomean(std::vector<double>{1.2, 1, 1, 1, 1, 1, 1, 1, 1, 1}), 1.018399, 1e-6);
}

TEST(Stats, BadnessRatioIsAboveOneWhenWorse) {
  EXPECT_DOUBLE_EQ(badness_ratio(100, 110, /*higher_is_better=*/false), 1.1);
  EXPECT_DOUBLE_EQ(badness_ratio(1000, 800, /*higher_is_better=*/true), 1.25);
  EXPECT_LT(badness_ratio(100, 90, false), 1);
}

TEST(MannWhitney, CompletelySeparatedSmallSamples) {
  // R: wilcox.test(1:3, 4:6, exact = FALSE) -> W = 0, p-value = 0.08086
  const auto r = mann_whitney_u(std::vector<double>{1, 2, 3}, std::vector<double>{4, 5, 6});
  EXPECT_EQ(r.u, 0);
  EXPECT_NEAR(r.p_value, 0.080856, 1e-5);
  EXPECT_LT(r.z, 0);
}

TEST(MannWhitney, CompletelySeparatedTenEach) {
  // R: wilcox.test(1:10, 11:20, exact = FALSE) -> W = 0, p-value = 0.0001827
  std::vector<double> a, b;
  for (int i = 1; i <= 10; ++i) {
    a.push_back(i);
    b.push_back(i + 10);
  }
  const auto r = mann_whitney_u(a, b);
  EXPECT_EQ(r.u, 0);
  EXPECT_NEAR(r.p_value, 0.00018267, 1e-7);
  // Symmetric: swapping the samples gives U' = n1*n2 - U and the same p.
  const auto swapped = mann_whitney_u(b, a);
  EXPECT_EQ(swapped.u, 100);
  EXPECT_NEAR(swapped.p_value, r.p_value, 1e-12);
}

TEST(MannWhitney, TiesCorrectTheVariance) {
  // Pairs: U = 2.5; ties {2,2,2} and {3,3}: sum(t^3-t) = 30;
  // var = 16/12 * (9 - 30/56) = 11.2857; z = (8 - 2.5 - 0.5)/sqrt(var) = 1.48835.
  // R: wilcox.test(c(1,2,2,3), c(2,3,4,5), exact = FALSE) -> W = 2.5, p-value = 0.1367
  const auto r = mann_whitney_u(std::vector<double>{1, 2, 2, 3}, std::vector<double>{2, 3, 4, 5});
  EXPECT_EQ(r.u, 2.5);
  EXPECT_NEAR(r.z, -1.488351, 1e-5);
  EXPECT_NEAR(r.p_value, 0.136658, 1e-5);
}

TEST(MannWhitney, IdenticalSamplesAreNotSignificant) {
  const auto r = mann_whitney_u(std::vector<double>{5, 5, 5}, std::vector<double>{5, 5, 5});
  EXPECT_EQ(r.p_value, 1);
  const auto same = mann_whitney_u(std::vector<double>{1, 2, 3}, std::vector<double>{1, 2, 3});
  EXPECT_EQ(same.p_value, 1);
  EXPECT_EQ(mann_whitney_u(std::vector<double>{}, std::vector<double>{1}).p_value, 1);
}

}  // namespace
