// Arbitrary-precision integers for JavaScript's BigInt (ECMA-262 6.1.6.2):
// sign and magnitude, the magnitude in 32-bit limbs, least significant
// first, with no leading zero limbs (zero is an empty magnitude and never
// negative). Pure arithmetic, no heap cells: vm/bigint.cpp wraps results
// in BigInt cells. Bitwise operators work on the infinite two's complement
// form, as the spec defines them; division truncates toward zero.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kite::util {

struct BigNum {
  bool negative = false;
  std::vector<std::uint32_t> mag;

  bool is_zero() const { return mag.empty(); }
  std::uint64_t bit_length() const;  // of the magnitude; 0 for zero
  static BigNum from_int64(std::int64_t v);
  static BigNum from_uint64(std::uint64_t v);
  // An integral, finite double (NumberToBigInt checks that first).
  static BigNum from_double(double d);
  // StringToBigInt (7.1.14): decimal, 0x/0o/0b, surrounding white space
  // already trimmed by the caller; nullopt when the text is not one.
  static std::optional<BigNum> parse(std::string_view text);
  // Digits in `radix` (2-36) with no prefix or sign (a BigInt literal's body).
  static BigNum from_digits(std::string_view digits, int radix);

  // Number(bigint): rounded to nearest, ties to even.
  double to_double() const;
  std::string to_string(int radix = 10) const;
  // The low 64 bits of the two's complement form (BigInt64Array stores).
  std::uint64_t low64() const;
};

int compare(const BigNum& a, const BigNum& b);  // -1, 0, 1
// a compared with a double that is not NaN: -1, 0, 1.
int compare_double(const BigNum& a, double d);
bool equals(const BigNum& a, const BigNum& b);

BigNum add(const BigNum& a, const BigNum& b);
BigNum sub(const BigNum& a, const BigNum& b);
BigNum mul(const BigNum& a, const BigNum& b);
// Truncating division and its remainder (the remainder has a's sign). b != 0.
BigNum div(const BigNum& a, const BigNum& b);
BigNum rem(const BigNum& a, const BigNum& b);
BigNum pow(const BigNum& base, std::uint64_t exponent);
BigNum negate(const BigNum& a);
BigNum bit_not(const BigNum& a);
BigNum bit_and(const BigNum& a, const BigNum& b);
BigNum bit_or(const BigNum& a, const BigNum& b);
BigNum bit_xor(const BigNum& a, const BigNum& b);
// a * 2^n (n may be negative: floor division by 2^-n).
BigNum shift_left(const BigNum& a, std::int64_t n);
// BigInt.asIntN / asUintN (21.2.2.1-2).
BigNum as_int_n(const BigNum& a, std::uint64_t bits);
BigNum as_uint_n(const BigNum& a, std::uint64_t bits);

}  // namespace kite::util
