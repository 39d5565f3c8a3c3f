// The log-bucketed latency histogram (histogram.h).
//
// Layout: with S = kSubBucketBits, a value v < 2^(S+1) has its own bucket
// (index v). Above that, let e = msb(v) - S (the number of low bits that
// are dropped); the bucket is e * 2^S + (v >> e), where v >> e lies in
// [2^S, 2^(S+1)). Consecutive ranges join without gaps: the last linear
// bucket is 2^(S+1) - 1 and the first bucket of e = 1 is 2^S + 2^S.
#include "histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace kite::load {

namespace {

std::size_t bucket_count() {
  return LatencyHistogram::bucket_index(LatencyHistogram::kMaxValue) + 1;
}

}  // namespace

LatencyHistogram::LatencyHistogram() : counts_(bucket_count(), 0) {}

std::size_t LatencyHistogram::bucket_index(std::int64_t nanoseconds) {
  const auto v = static_cast<std::uint64_t>(std::clamp<std::int64_t>(nanoseconds, 0, kMaxValue));
  const int msb = std::bit_width(v) - 1;
  const int shift = std::max(0, msb - kSubBucketBits);
  return static_cast<std::size_t>(shift) * kSubBuckets + (v >> shift);
}

std::int64_t LatencyHistogram::bucket_lower(std::size_t index) {
  const auto i = static_cast<std::int64_t>(index);
  if (i < 2 * kSubBuckets) return i;
  const std::int64_t shift = i / kSubBuckets - 1;
  const std::int64_t mantissa = i - shift * kSubBuckets;
  return mantissa << shift;
}

std::int64_t LatencyHistogram::bucket_width(std::size_t index) {
  const auto i = static_cast<std::int64_t>(index);
  if (i < 2 * kSubBuckets) return 1;
  return std::int64_t{1} << (i / kSubBuckets - 1);
}

std::int64_t LatencyHistogram::bucket_midpoint(std::size_t index) {
  return bucket_lower(index) + bucket_width(index) / 2;
}

void LatencyHistogram::record(std::int64_t nanoseconds) {
  const std::int64_t v = std::clamp<std::int64_t>(nanoseconds, 0, kMaxValue);
  ++counts_[bucket_index(v)];
  if (count_ == 0 || v < min_) min_ = v;
  if (count_ == 0 || v > max_) max_ = v;
  ++count_;
  sum_ += static_cast<double>(v);
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
  if (other.count_ == 0) return;
  for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
  min_ = count_ == 0 ? other.min_ : std::min(min_, other.min_);
  max_ = count_ == 0 ? other.max_ : std::max(max_, other.max_);
  count_ += other.count_;
  sum_ += other.sum_;
}

double LatencyHistogram::mean() const {
  return count_ ? sum_ / static_cast<double>(count_) : 0;
}

double LatencyHistogram::stdev() const {
  if (count_ == 0) return 0;
  const double m = mean();
  double squares = 0;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    if (counts_[i] == 0) continue;
    const double d = static_cast<double>(bucket_midpoint(i)) - m;
    squares += d * d * static_cast<double>(counts_[i]);
  }
  return std::sqrt(squares / static_cast<double>(count_));
}

std::int64_t LatencyHistogram::percentile(double p) const {
  if (count_ == 0) return 0;
  if (p <= 0) return min_;
  if (p >= 100) return max_;
  const auto rank = std::max<std::uint64_t>(
      1, static_cast<std::uint64_t>(std::ceil(p / 100.0 * static_cast<double>(count_))));
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    seen += counts_[i];
    if (seen >= rank) return std::clamp(bucket_midpoint(i), min_, max_);
  }
  return max_;
}

}  // namespace kite::load
