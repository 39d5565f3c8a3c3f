// Pins the open-loop schedule arithmetic of `kite-load --rate`: request n
// is due at start + n / rate, connection i sends i, i+C, i+2C, ..., and the
// number due in a window is rate x window exactly, with no drift.
#include "schedule.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <set>

namespace {

using kite::load::OpenLoopSchedule;

constexpr std::int64_t kStart = 5'000'000'000;
constexpr std::int64_t kMs = 1'000'000;
constexpr std::int64_t kSecond = 1'000'000'000;

TEST(LoadSchedule, DueTimesAreEvenlySpacedAcrossConnections) {
  const OpenLoopSchedule s(1000, 4, kStart);
  EXPECT_EQ(s.due(0), kStart);
  EXPECT_EQ(s.due(1), kStart + kMs);
  EXPECT_EQ(s.due(9), kStart + 9 * kMs);
}

TEST(LoadSchedule, EachConnectionRunsAtRateOverConnections) {
  const OpenLoopSchedule s(1000, 4, kStart);
  EXPECT_EQ(OpenLoopSchedule::first_of(2), 2u);
  std::uint64_t n = OpenLoopSchedule::first_of(2);
  for (int k = 0; k < 5; ++k) {
    const std::uint64_t next = s.next_after(n);
    EXPECT_EQ(s.due(next) - s.due(n), 4 * kMs);  // C / rate
    n = next;
  }
}

TEST(LoadSchedule, ConnectionsPartitionTheRequests) {
  const OpenLoopSchedule s(250, 3, kStart);
  std::set<std::uint64_t> seen;
  for (int c = 0; c < 3; ++c) {
    for (std::uint64_t n = OpenLoopSchedule::first_of(c); n < 300; n = s.next_after(n)) {
      EXPECT_TRUE(seen.insert(n).second) << n;
    }
  }
  EXPECT_EQ(seen.size(), 300u);
}

TEST(LoadSchedule, FractionalRatesRoundToTheNearestNanosecond) {
  const OpenLoopSchedule s(3, 1, 0);
  EXPECT_EQ(s.due(1), 333'333'333);
  EXPECT_EQ(s.due(2), 666'666'667);
  EXPECT_EQ(s.due(3), kSecond);
}

TEST(LoadSchedule, NoDriftOverLongRuns) {
  const OpenLoopSchedule s(100'000, 50, 0);
  EXPECT_EQ(s.due(1'000'000'000), 10'000 * kSecond);  // the billionth request at 10,000 s
}

TEST(LoadSchedule, DueCountInAWindowIsRateTimesWindow) {
  const OpenLoopSchedule s(1000, 4, kStart);
  EXPECT_EQ(s.due_count(kStart - 1), 0u);
  EXPECT_EQ(s.due_count(kStart), 1u);
  // A window [a, b) holds due_count(b - 1) - due_count(a - 1) requests.
  const std::int64_t a = kStart + kSecond / 4;
  const std::int64_t b = a + kSecond;
  EXPECT_EQ(s.due_count(b - 1) - s.due_count(a - 1), 1000u);
  const OpenLoopSchedule odd(7.5, 2, 0);
  EXPECT_EQ(odd.due_count(2 * kSecond - 1) - odd.due_count(-1), 15u);
}

TEST(LoadSchedule, DueCountAgreesWithDue) {
  std::mt19937_64 random(11);
  std::uniform_int_distribution<std::int64_t> at(kStart, kStart + 100 * kSecond);
  for (double rate : {1.0, 3.0, 999.9, 12'345.0, 1e6}) {
    const OpenLoopSchedule s(rate, 7, kStart);
    for (int i = 0; i < 1000; ++i) {
      const std::int64_t now = at(random);
      const std::uint64_t count = s.due_count(now);
      ASSERT_GT(count, 0u);
      EXPECT_LE(s.due(count - 1), now) << rate;
      EXPECT_GT(s.due(count), now) << rate;
    }
  }
}

}  // namespace
