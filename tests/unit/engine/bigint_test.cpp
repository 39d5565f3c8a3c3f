// util/bigint: the arithmetic under BigInt, checked by identities over
// random multi-limb numbers (division is Knuth's algorithm D, whose rare
// correction steps only random inputs reach) and by known values.
#include "util/bigint.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace kite::util {
namespace {

BigNum random_big(std::mt19937_64& rng, int max_limbs) {
  BigNum n;
  int limbs = static_cast<int>(rng() % static_cast<std::uint64_t>(max_limbs)) + 1;
  for (int i = 0; i < limbs; ++i) n.mag.push_back(static_cast<std::uint32_t>(rng()));
  // Sometimes a top limb of all ones or a tiny one: the edges of normalization.
  if (rng() % 4 == 0) n.mag.back() = 0xFFFFFFFFu;
  if (rng() % 4 == 1) n.mag.back() = 1;
  while (!n.mag.empty() && n.mag.back() == 0) n.mag.pop_back();
  n.negative = !n.mag.empty() && rng() % 2 == 0;
  return n;
}

TEST(BigNum, KnownValues) {
  EXPECT_EQ(BigNum::parse("123456789012345678901234567890")->to_string(),
            "123456789012345678901234567890");
  EXPECT_EQ(BigNum::parse("-0")->to_string(), "0");
  EXPECT_EQ(BigNum::parse("0xff")->to_string(), "255");
  EXPECT_FALSE(BigNum::parse("-0x1").has_value());
  EXPECT_FALSE(BigNum::parse("1.5").has_value());
  EXPECT_EQ(pow(BigNum::from_uint64(2), 100).to_string(), "1267650600228229401496703205376");
  EXPECT_EQ(pow(BigNum::from_uint64(2), 64).to_string(16), "10000000000000000");
  EXPECT_EQ(div(BigNum::from_int64(-7), BigNum::from_int64(2)).to_string(), "-3");
  EXPECT_EQ(rem(BigNum::from_int64(-7), BigNum::from_int64(2)).to_string(), "-1");
  EXPECT_EQ(shift_left(BigNum::from_int64(-5), -1).to_string(), "-3");  // floor
  EXPECT_EQ(bit_and(BigNum::from_int64(5), BigNum::from_int64(-3)).to_string(), "5");
  EXPECT_EQ(as_int_n(BigNum::from_uint64(255), 8).to_string(), "-1");
  EXPECT_EQ(as_uint_n(BigNum::from_int64(-1), 64).to_string(), "18446744073709551615");
  EXPECT_EQ(BigNum::parse("9007199254740993")->to_double(), 9007199254740992.0);  // ties to even
  EXPECT_EQ(BigNum::parse("9007199254740995")->to_double(), 9007199254740996.0);
  EXPECT_EQ(compare_double(BigNum::from_uint64(1), 1.5), -1);
  EXPECT_EQ(compare_double(BigNum::from_uint64(2), 1.5), 1);
}

TEST(BigNum, DivisionIdentityOnRandomNumbers) {
  std::mt19937_64 rng(20261207);
  for (int i = 0; i < 3000; ++i) {
    BigNum a = random_big(rng, 12);
    BigNum b = random_big(rng, 6);
    if (b.is_zero()) continue;
    BigNum q = div(a, b);
    BigNum r = rem(a, b);
    ASSERT_TRUE(equals(add(mul(q, b), r), a)) << a.to_string() << " / " << b.to_string();
    BigNum abs_r = r, abs_b = b;
    abs_r.negative = false;
    abs_b.negative = false;
    ASSERT_LT(compare(abs_r, abs_b), 0);
    ASSERT_TRUE(r.is_zero() || r.negative == a.negative);
  }
}

TEST(BigNum, StringRoundTripsInEveryRadix) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 300; ++i) {
    BigNum a = random_big(rng, 8);
    a.negative = false;
    for (int radix : {2, 8, 10, 16, 36}) {
      ASSERT_TRUE(equals(BigNum::from_digits(a.to_string(radix), radix), a));
    }
  }
}

TEST(BigNum, ShiftsAndBitwiseIdentities) {
  std::mt19937_64 rng(99);
  BigNum two = BigNum::from_uint64(2);
  for (int i = 0; i < 1000; ++i) {
    BigNum a = random_big(rng, 6);
    BigNum b = random_big(rng, 6);
    auto n = static_cast<std::int64_t>(rng() % 100);
    BigNum p = pow(two, static_cast<std::uint64_t>(n));
    ASSERT_TRUE(equals(shift_left(a, n), mul(a, p)));
    // a >> n is floor(a / 2^n).
    BigNum floor_q = div(a, p);
    if (a.negative && !rem(a, p).is_zero()) floor_q = sub(floor_q, BigNum::from_uint64(1));
    ASSERT_TRUE(equals(shift_left(a, -n), floor_q));
    ASSERT_TRUE(equals(bit_xor(a, b), sub(bit_or(a, b), bit_and(a, b))));
    ASSERT_TRUE(equals(bit_not(a), sub(negate(a), BigNum::from_uint64(1))));
    // asUintN(k, a) is a modulo 2^k, in [0, 2^k).
    auto k = static_cast<std::uint64_t>(rng() % 200);
    BigNum m = as_uint_n(a, k);
    BigNum pk = pow(two, k);
    ASSERT_FALSE(m.negative);
    ASSERT_LT(compare(m, pk), 0);
    BigNum diff = sub(a, m);
    ASSERT_TRUE(rem(diff, pk).is_zero());
  }
}

}  // namespace
}  // namespace kite::util
