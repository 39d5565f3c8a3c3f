// The one clock of kite-load: monotonic nanoseconds (CLOCK_MONOTONIC via
// steady_clock), shared by every thread so phase boundaries line up.
#pragma once

#include <chrono>
#include <cstdint>

namespace kite::load {

inline std::int64_t monotonic_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace kite::load
