// Pins kite-load's latency histogram: the bucket layout has no gaps, every
// value is reported within 1/256 of itself, percentiles of known
// distributions are within 1% of the exact ones, and merging equals
// recording everything in one histogram.
#include "histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace {

using kite::load::LatencyHistogram;

// The nearest-rank percentile of sorted values: the smallest value with at
// least p% of the values at or below it.
std::int64_t exact_percentile(const std::vector<std::int64_t>& sorted, double p) {
  const auto rank = std::max<std::size_t>(
      1, static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size()))));
  return sorted[rank - 1];
}

void expect_percentiles_within_1_percent(std::vector<std::int64_t> values) {
  LatencyHistogram h;
  for (std::int64_t v : values) h.record(v);
  std::sort(values.begin(), values.end());
  for (double p : {1.0, 10.0, 25.0, 50.0, 75.0, 90.0, 99.0, 99.9, 99.99}) {
    const auto exact = static_cast<double>(exact_percentile(values, p));
    EXPECT_NEAR(static_cast<double>(h.percentile(p)), exact, exact * 0.01) << "p" << p;
  }
  EXPECT_EQ(h.percentile(0), values.front());
  EXPECT_EQ(h.percentile(100), values.back());
  EXPECT_EQ(h.min(), values.front());
  EXPECT_EQ(h.max(), values.back());
  EXPECT_EQ(h.count(), values.size());
}

TEST(LoadHistogram, BucketsCoverTheRangeWithoutGaps) {
  const std::size_t last = LatencyHistogram::bucket_index(LatencyHistogram::kMaxValue);
  for (std::size_t i = 1; i <= last; ++i) {
    ASSERT_EQ(LatencyHistogram::bucket_lower(i),
              LatencyHistogram::bucket_lower(i - 1) + LatencyHistogram::bucket_width(i - 1))
        << i;
    ASSERT_EQ(LatencyHistogram::bucket_index(LatencyHistogram::bucket_lower(i)), i);
    ASSERT_EQ(LatencyHistogram::bucket_index(LatencyHistogram::bucket_lower(i) +
                                             LatencyHistogram::bucket_width(i) - 1),
              i);
  }
  EXPECT_LT(last, 4000u);  // 30 KiB of counts per thread
}

TEST(LoadHistogram, EveryValueIsReportedWithinAQuarterPercent) {
  // 1 us .. 60 s in steps of 0.1%.
  for (double v = 1000; v <= 6e10; v *= 1.001) {
    const auto value = static_cast<std::int64_t>(v);
    const auto reported = static_cast<double>(
        LatencyHistogram::bucket_midpoint(LatencyHistogram::bucket_index(value)));
    ASSERT_LE(std::abs(reported - v), v / 256 + 1) << value;
  }
}

TEST(LoadHistogram, UniformDistribution) {
  std::vector<std::int64_t> values;
  for (std::int64_t us = 1; us <= 100'000; ++us) values.push_back(us * 1000);  // 1 us .. 100 ms
  expect_percentiles_within_1_percent(values);
  LatencyHistogram h;
  for (std::int64_t v : values) h.record(v);
  EXPECT_DOUBLE_EQ(h.mean(), 50'000.5 * 1000);
  // Uniform on [a, b]: stdev (b - a) / sqrt(12).
  EXPECT_NEAR(h.stdev(), 99'999'000 / std::sqrt(12.0), 0.01 * 99'999'000 / std::sqrt(12.0));
}

TEST(LoadHistogram, ExponentialDistribution) {
  std::mt19937_64 random(42);
  std::exponential_distribution<double> latency(1.0 / 1e6);  // mean 1 ms
  std::vector<std::int64_t> values;
  values.reserve(200'000);
  for (int i = 0; i < 200'000; ++i) {
    values.push_back(1000 + static_cast<std::int64_t>(latency(random)));
  }
  expect_percentiles_within_1_percent(values);
}

TEST(LoadHistogram, LogNormalDistributionAcrossDecades) {
  std::mt19937_64 random(7);
  std::lognormal_distribution<double> latency(std::log(200e3), 1.5);  // median 200 us, long tail
  std::vector<std::int64_t> values;
  values.reserve(200'000);
  for (int i = 0; i < 200'000; ++i) {
    values.push_back(std::clamp<std::int64_t>(static_cast<std::int64_t>(latency(random)), 1000,
                                              LatencyHistogram::kMaxValue));
  }
  expect_percentiles_within_1_percent(values);
}

TEST(LoadHistogram, MergeEqualsRecordingEverythingInOne) {
  std::mt19937_64 random(3);
  std::exponential_distribution<double> latency(1.0 / 5e5);
  LatencyHistogram all, even, odd;
  for (int i = 0; i < 50'000; ++i) {
    const auto v = static_cast<std::int64_t>(latency(random));
    all.record(v);
    (i % 2 ? odd : even).record(v);
  }
  LatencyHistogram merged;
  merged.merge(even);
  merged.merge(odd);
  merged.merge(LatencyHistogram());  // an empty one changes nothing
  EXPECT_EQ(merged.count(), all.count());
  EXPECT_EQ(merged.min(), all.min());
  EXPECT_EQ(merged.max(), all.max());
  EXPECT_DOUBLE_EQ(merged.mean(), all.mean());
  EXPECT_DOUBLE_EQ(merged.stdev(), all.stdev());
  for (double p : {50.0, 90.0, 99.0, 99.9}) EXPECT_EQ(merged.percentile(p), all.percentile(p));
}

TEST(LoadHistogram, EmptyAndClamped) {
  LatencyHistogram h;
  EXPECT_EQ(h.count(), 0u);
  EXPECT_EQ(h.percentile(99), 0);
  EXPECT_EQ(h.mean(), 0);
  h.record(-5);
  h.record(2 * LatencyHistogram::kMaxValue);
  EXPECT_EQ(h.min(), 0);
  EXPECT_EQ(h.max(), LatencyHistogram::kMaxValue);
  EXPECT_EQ(h.percentile(100), LatencyHistogram::kMaxValue);
}

}  // namespace
