// The open-loop schedule (schedule.h).
#include "schedule.h"

#include <cmath>

namespace kite::load {

OpenLoopSchedule::OpenLoopSchedule(double rate, int connections, std::int64_t start_ns)
    : rate_(rate), connections_(static_cast<std::uint64_t>(connections)), start_ns_(start_ns) {}

std::int64_t OpenLoopSchedule::due(std::uint64_t sequence) const {
  // Computed from the sequence number, never accumulated, so there is no
  // drift however long the run; long double keeps ns precision beyond 1e12
  // requests.
  const long double offset = static_cast<long double>(sequence) * 1e9L / rate_;
  return start_ns_ + static_cast<std::int64_t>(std::llround(offset));
}

std::uint64_t OpenLoopSchedule::due_count(std::int64_t now_ns) const {
  if (now_ns < start_ns_) return 0;
  const long double elapsed = static_cast<long double>(now_ns - start_ns_);
  auto count = static_cast<std::uint64_t>(std::floor(elapsed * rate_ / 1e9L)) + 1;
  // Rounding in due() may put a boundary request a nanosecond either side.
  while (count > 0 && due(count - 1) > now_ns) --count;
  while (due(count) <= now_ns) ++count;
  return count;
}

}  // namespace kite::load
