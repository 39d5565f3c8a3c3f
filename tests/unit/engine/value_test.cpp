// NaN-boxing: every kind of value round-trips and is classified correctly.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "objects/value.h"

namespace kite::vm {
namespace {

TEST(Value, Int32RoundTrip) {
  for (std::int32_t i : {0, 1, -1, 42, INT32_MAX, INT32_MIN}) {
    Value v = Value::int32(i);
    EXPECT_TRUE(v.is_int32());
    EXPECT_TRUE(v.is_number());
    EXPECT_FALSE(v.is_double());
    EXPECT_EQ(v.as_int32(), i);
    EXPECT_EQ(v.as_number(), i);
  }
}

TEST(Value, DoublesStayDoubles) {
  for (double d : {0.5, -0.5, 1e300, -1e-300, std::numeric_limits<double>::infinity(),
                   -std::numeric_limits<double>::infinity(), -0.0}) {
    Value v = Value::raw_double(d);
    EXPECT_TRUE(v.is_double()) << d;
    EXPECT_TRUE(v.is_number());
    EXPECT_FALSE(v.is_heap());
    EXPECT_EQ(std::signbit(v.as_double()), std::signbit(d));
    if (d == d) {
      EXPECT_EQ(v.as_double(), d);
    }
  }
}

TEST(Value, EveryNaNIsCanonical) {
  double nans[] = {std::nan(""), -std::nan(""), std::bit_cast<double>(0xFFFF'FFFF'FFFF'FFFFull),
                   std::bit_cast<double>(0xFFF9'0000'0000'0001ull)};
  for (double n : nans) {
    Value v = Value::raw_double(n);
    EXPECT_TRUE(v.is_double());
    EXPECT_FALSE(v.is_int32());
    EXPECT_FALSE(v.is_heap());
    EXPECT_TRUE(std::isnan(v.as_double()));
  }
}

TEST(Value, NumberPrefersInt32ButKeepsNegativeZero) {
  EXPECT_TRUE(Value::number(3.0).is_int32());
  EXPECT_TRUE(Value::number(3.5).is_double());
  EXPECT_TRUE(Value::number(-0.0).is_double());
  EXPECT_TRUE(Value::number(4294967296.0).is_double());
  EXPECT_TRUE(Value::number(std::int64_t{1} << 40).is_double());
}

TEST(Value, Specials) {
  EXPECT_TRUE(Value::undefined().is_undefined());
  EXPECT_TRUE(Value::undefined().is_nullish());
  EXPECT_TRUE(Value::null().is_nullish());
  EXPECT_FALSE(Value::boolean(false).is_nullish());
  EXPECT_TRUE(Value::boolean(true).is_boolean());
  EXPECT_TRUE(Value::boolean(true).as_boolean());
  EXPECT_FALSE(Value::boolean(false).as_boolean());
  EXPECT_TRUE(Value::hole().is_hole());
  EXPECT_FALSE(Value::hole().is_undefined());
  EXPECT_FALSE(Value::null().is_number());
}
}  // namespace
}  // namespace kite::vm
