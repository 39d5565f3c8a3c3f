// A log-bucketed latency histogram in the manner of HdrHistogram: each
// power-of-two range of nanoseconds is split into 128 linear sub-buckets,
// so a recorded value is known to within 1/128 of itself and a reported
// value (the bucket's midpoint) to within 1/256 (0.4%). Values from 0 to
// kMaxValue (60 s) are tracked; larger ones are recorded as kMaxValue.
//
// One histogram per worker thread, merged when the run ends: not
// thread-safe, and recording is a few arithmetic operations and one add.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kite::load {

class LatencyHistogram {
 public:
  static constexpr int kSubBucketBits = 7;
  static constexpr std::int64_t kSubBuckets = std::int64_t{1} << kSubBucketBits;
  static constexpr std::int64_t kMaxValue = 60'000'000'000;  // 60 s in ns

  LatencyHistogram();

  // Records one latency in nanoseconds (negative values count as 0).
  void record(std::int64_t nanoseconds);
  // Adds every value recorded in `other`.
  void merge(const LatencyHistogram& other);

  std::uint64_t count() const { return count_; }
  // Exact extremes of what was recorded (after clamping); 0 when empty.
  std::int64_t min() const { return count_ ? min_ : 0; }
  std::int64_t max() const { return count_ ? max_ : 0; }
  // Exact mean; 0 when empty.
  double mean() const;
  // Population standard deviation over the bucket midpoints; 0 when empty.
  double stdev() const;
  // The smallest recorded value v (as its bucket's midpoint, clamped to
  // [min, max]) such that at least p percent of the values are <= v.
  // p in [0, 100]; percentile(0) is min() and percentile(100) is max().
  std::int64_t percentile(double p) const;

  // The bucket layout, exposed for the tests: value -> bucket, and the
  // range [lower, lower + width) each bucket covers.
  static std::size_t bucket_index(std::int64_t nanoseconds);
  static std::int64_t bucket_lower(std::size_t index);
  static std::int64_t bucket_width(std::size_t index);
  static std::int64_t bucket_midpoint(std::size_t index);

 private:
  std::vector<std::uint64_t> counts_;
  std::uint64_t count_ = 0;
  std::int64_t min_ = 0;
  std::int64_t max_ = 0;
  double sum_ = 0;
};

}  // namespace kite::load
