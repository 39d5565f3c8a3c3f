// Arbitrary-precision integer arithmetic for BigInt (util/bigint.h):
// schoolbook multiplication, Knuth's algorithm D for division, two's
// complement for the bitwise operators.
#include "util/bigint.h"

#include <algorithm>
#include <cmath>

namespace kite::util {

namespace {

using Mag = std::vector<std::uint32_t>;

void trim(Mag& m) {
  while (!m.empty() && m.back() == 0) m.pop_back();
}

BigNum make(bool negative, Mag mag) {
  trim(mag);
  BigNum r;
  r.negative = negative && !mag.empty();
  r.mag = std::move(mag);
  return r;
}

int cmp_mag(const Mag& a, const Mag& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (std::size_t i = a.size(); i-- > 0;) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

Mag add_mag(const Mag& a, const Mag& b) {
  const Mag& x = a.size() >= b.size() ? a : b;
  const Mag& y = a.size() >= b.size() ? b : a;
  Mag r(x.size() + 1);
  std::uint64_t carry = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    std::uint64_t s = carry + x[i] + (i < y.size() ? y[i] : 0);
    r[i] = static_cast<std::uint32_t>(s);
    carry = s >> 32;
  }
  r[x.size()] = static_cast<std::uint32_t>(carry);
  trim(r);
  return r;
}

// a - b with |a| >= |b|.
Mag sub_mag(const Mag& a, const Mag& b) {
  Mag r(a.size());
  std::int64_t borrow = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::int64_t d = static_cast<std::int64_t>(a[i]) - (i < b.size() ? b[i] : 0) - borrow;
    borrow = d < 0 ? 1 : 0;
    r[i] = static_cast<std::uint32_t>(d + (borrow << 32));
  }
  trim(r);
  return r;
}

Mag mul_mag(const Mag& a, const Mag& b) {
  if (a.empty() || b.empty()) return {};
  Mag r(a.size() + b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::uint64_t carry = 0;
    for (std::size_t j = 0; j < b.size(); ++j) {
      std::uint64_t t = static_cast<std::uint64_t>(a[i]) * b[j] + r[i + j] + carry;
      r[i + j] = static_cast<std::uint32_t>(t);
      carry = t >> 32;
    }
    r[i + b.size()] = static_cast<std::uint32_t>(carry);
  }
  trim(r);
  return r;
}

// q = a / d, returns the remainder (d != 0).
std::uint32_t divmod_small(const Mag& a, std::uint32_t d, Mag& q) {
  q.assign(a.size(), 0);
  std::uint64_t rem = 0;
  for (std::size_t i = a.size(); i-- > 0;) {
    std::uint64_t cur = (rem << 32) | a[i];
    q[i] = static_cast<std::uint32_t>(cur / d);
    rem = cur % d;
  }
  trim(q);
  return static_cast<std::uint32_t>(rem);
}

// Knuth, TAOCP vol. 2, 4.3.1, algorithm D: q = a / b, r = a % b (b != 0).
void divmod_mag(const Mag& a, const Mag& b, Mag& q, Mag& r) {
  if (cmp_mag(a, b) < 0) {
    q.clear();
    r = a;
    return;
  }
  if (b.size() == 1) {
    std::uint32_t rem = divmod_small(a, b[0], q);
    r.clear();
    if (rem != 0) r.push_back(rem);
    return;
  }
  int s = __builtin_clz(b.back());
  std::size_t n = b.size(), m = a.size() - n;
  Mag bn(n), an(a.size() + 1);
  for (std::size_t i = n; i-- > 1;) {
    bn[i] =
        (b[i] << s) |
        (s != 0 ? static_cast<std::uint32_t>(static_cast<std::uint64_t>(b[i - 1]) >> (32 - s)) : 0);
  }
  bn[0] = b[0] << s;
  an[a.size()] =
      s != 0 ? static_cast<std::uint32_t>(static_cast<std::uint64_t>(a.back()) >> (32 - s)) : 0;
  for (std::size_t i = a.size(); i-- > 1;) {
    an[i] =
        (a[i] << s) |
        (s != 0 ? static_cast<std::uint32_t>(static_cast<std::uint64_t>(a[i - 1]) >> (32 - s)) : 0);
  }
  an[0] = a[0] << s;
  q.assign(m + 1, 0);
  constexpr std::uint64_t kBase = std::uint64_t{1} << 32;
  for (std::size_t j = m + 1; j-- > 0;) {
    std::uint64_t num = (static_cast<std::uint64_t>(an[j + n]) << 32) | an[j + n - 1];
    std::uint64_t qhat = num / bn[n - 1];
    std::uint64_t rhat = num % bn[n - 1];
    while (qhat >= kBase || qhat * bn[n - 2] > ((rhat << 32) | an[j + n - 2])) {
      --qhat;
      rhat += bn[n - 1];
      if (rhat >= kBase) break;
    }
    std::int64_t borrow = 0;
    std::uint64_t carry = 0;
    for (std::size_t i = 0; i < n; ++i) {
      std::uint64_t p = qhat * bn[i] + carry;
      carry = p >> 32;
      std::int64_t t = static_cast<std::int64_t>(an[i + j]) - borrow -
                       static_cast<std::int64_t>(p & 0xFFFFFFFFu);
      an[i + j] = static_cast<std::uint32_t>(t);
      borrow = t < 0 ? 1 : 0;
    }
    std::int64_t t =
        static_cast<std::int64_t>(an[j + n]) - borrow - static_cast<std::int64_t>(carry);
    an[j + n] = static_cast<std::uint32_t>(t);
    if (t < 0) {
      // qhat was one too large: add the divisor back.
      --qhat;
      std::uint64_t c = 0;
      for (std::size_t i = 0; i < n; ++i) {
        std::uint64_t sum = static_cast<std::uint64_t>(an[i + j]) + bn[i] + c;
        an[i + j] = static_cast<std::uint32_t>(sum);
        c = sum >> 32;
      }
      an[j + n] = static_cast<std::uint32_t>(an[j + n] + c);
    }
    q[j] = static_cast<std::uint32_t>(qhat);
  }
  trim(q);
  r.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    r[i] = (an[i] >> s) |
           (s != 0 ? static_cast<std::uint32_t>(static_cast<std::uint64_t>(an[i + 1]) << (32 - s))
                   : 0);
  }
  trim(r);
}

std::uint64_t bit_length(const Mag& m) {
  if (m.empty()) return 0;
  return (m.size() - 1) * 32 + (32 - static_cast<std::uint64_t>(__builtin_clz(m.back())));
}

// The two's complement form of a in `n` limbs (n large enough).
Mag twos(const BigNum& a, std::size_t n) {
  Mag r(n, 0);
  for (std::size_t i = 0; i < a.mag.size() && i < n; ++i) r[i] = a.mag[i];
  if (!a.negative) return r;
  for (auto& limb : r) limb = ~limb;
  for (auto& limb : r) {  // + 1
    if (++limb != 0) break;
  }
  return r;
}

// The BigNum whose two's complement form (top bit = sign) is r.
BigNum from_twos(Mag r) {
  bool neg = !r.empty() && (r.back() & 0x80000000u) != 0;
  if (!neg) return make(false, std::move(r));
  for (auto& limb : r) limb = ~limb;
  for (auto& limb : r) {
    if (++limb != 0) break;
  }
  return make(true, std::move(r));
}

template <typename Op>
BigNum bitwise(const BigNum& a, const BigNum& b, Op op) {
  std::size_t n = std::max(a.mag.size(), b.mag.size()) + 1;
  Mag x = twos(a, n), y = twos(b, n);
  for (std::size_t i = 0; i < n; ++i) x[i] = op(x[i], y[i]);
  return from_twos(std::move(x));
}

Mag shl_mag(const Mag& a, std::uint64_t n) {
  if (a.empty()) return {};
  std::size_t limbs = n / 32;
  unsigned bits = n % 32;
  Mag r(a.size() + limbs + 1, 0);
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::uint64_t v = static_cast<std::uint64_t>(a[i]) << bits;
    r[i + limbs] |= static_cast<std::uint32_t>(v);
    r[i + limbs + 1] |= static_cast<std::uint32_t>(v >> 32);
  }
  trim(r);
  return r;
}

// a >> n on the magnitude; *lost says whether any 1 bit was shifted out.
Mag shr_mag(const Mag& a, std::uint64_t n, bool* lost) {
  *lost = false;
  std::size_t limbs = n / 32;
  unsigned bits = n % 32;
  if (limbs >= a.size()) {
    *lost = !a.empty();
    return {};
  }
  for (std::size_t i = 0; i < limbs; ++i) {
    if (a[i] != 0) *lost = true;
  }
  if (bits != 0 && (a[limbs] & ((1u << bits) - 1)) != 0) *lost = true;
  Mag r(a.size() - limbs);
  for (std::size_t i = 0; i < r.size(); ++i) {
    std::uint64_t v = a[i + limbs];
    if (i + limbs + 1 < a.size()) v |= static_cast<std::uint64_t>(a[i + limbs + 1]) << 32;
    r[i] = static_cast<std::uint32_t>(v >> bits);
  }
  trim(r);
  return r;
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

}  // namespace

std::uint64_t BigNum::bit_length() const {
  return util::bit_length(mag);
}

BigNum BigNum::from_uint64(std::uint64_t v) {
  Mag m;
  if (v != 0) m.push_back(static_cast<std::uint32_t>(v));
  if ((v >> 32) != 0) m.push_back(static_cast<std::uint32_t>(v >> 32));
  return make(false, std::move(m));
}

BigNum BigNum::from_int64(std::int64_t v) {
  std::uint64_t mag = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  BigNum r = from_uint64(mag);
  r.negative = v < 0;
  return r;
}

BigNum BigNum::from_double(double d) {
  bool neg = d < 0;
  d = std::fabs(d);
  if (d < 18446744073709551616.0) {
    BigNum r = from_uint64(static_cast<std::uint64_t>(d));
    r.negative = neg && !r.is_zero();
    return r;
  }
  int exp = 0;
  double frac = std::frexp(d, &exp);  // d = frac * 2^exp, frac in [0.5, 1)
  auto mant = static_cast<std::uint64_t>(std::ldexp(frac, 53));
  BigNum r = from_uint64(mant);
  r.mag = shl_mag(r.mag, static_cast<std::uint64_t>(exp - 53));
  r.negative = neg;
  return r;
}

BigNum BigNum::from_digits(std::string_view digits, int radix) {
  Mag m;
  for (char c : digits) {
    if (c == '_') continue;
    std::uint64_t carry = static_cast<std::uint64_t>(digit_value(c));
    for (auto& limb : m) {
      std::uint64_t t =
          static_cast<std::uint64_t>(limb) * static_cast<std::uint64_t>(radix) + carry;
      limb = static_cast<std::uint32_t>(t);
      carry = t >> 32;
    }
    if (carry != 0) m.push_back(static_cast<std::uint32_t>(carry));
  }
  return make(false, std::move(m));
}

std::optional<BigNum> BigNum::parse(std::string_view s) {
  if (s.empty()) return BigNum{};
  int radix = 10;
  bool neg = false;
  if (s.size() > 2 && s[0] == '0' &&
      (s[1] == 'x' || s[1] == 'X' || s[1] == 'o' || s[1] == 'O' || s[1] == 'b' || s[1] == 'B')) {
    radix = (s[1] == 'x' || s[1] == 'X') ? 16 : (s[1] == 'o' || s[1] == 'O') ? 8 : 2;
    s.remove_prefix(2);
  } else if (s[0] == '+' || s[0] == '-') {
    neg = s[0] == '-';
    s.remove_prefix(1);
    if (s.empty()) return std::nullopt;
  }
  for (char c : s) {
    if (digit_value(c) >= radix) return std::nullopt;
  }
  BigNum r = from_digits(s, radix);
  r.negative = neg && !r.is_zero();
  return r;
}

double BigNum::to_double() const {
  std::uint64_t bits = bit_length();
  double d;
  if (bits <= 64) {
    std::uint64_t v = mag.empty() ? 0 : mag[0];
    if (mag.size() > 1) v |= static_cast<std::uint64_t>(mag[1]) << 32;
    d = static_cast<double>(v);
  } else {
    // The top 64 bits, with a sticky bit for everything below them, round
    // exactly as the whole number does.
    bool lost = false;
    Mag top = shr_mag(mag, bits - 64, &lost);
    std::uint64_t t = top[0] | (static_cast<std::uint64_t>(top.size() > 1 ? top[1] : 0) << 32);
    if (lost) t |= 1;
    d = std::ldexp(static_cast<double>(t),
                   static_cast<int>(std::min<std::uint64_t>(bits - 64, 4096)));
  }
  return negative ? -std::fabs(d) : d;
}

std::uint64_t BigNum::low64() const {
  std::uint64_t v = 0;
  if (!mag.empty()) v = mag[0];
  if (mag.size() > 1) v |= static_cast<std::uint64_t>(mag[1]) << 32;
  return negative ? 0 - v : v;
}

std::string BigNum::to_string(int radix) const {
  if (mag.empty()) return "0";
  // Divide by the largest power of the radix that fits in a limb.
  std::uint32_t chunk = static_cast<std::uint32_t>(radix);
  int per = 1;
  while (static_cast<std::uint64_t>(chunk) * static_cast<std::uint64_t>(radix) <= 0xFFFFFFFFu) {
    chunk *= static_cast<std::uint32_t>(radix);
    ++per;
  }
  static const char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string out;
  Mag cur = mag, q;
  while (!cur.empty()) {
    std::uint32_t r = divmod_small(cur, chunk, q);
    cur.swap(q);
    for (int i = 0; i < per; ++i) {
      if (cur.empty() && r == 0) break;
      out.push_back(kDigits[r % static_cast<std::uint32_t>(radix)]);
      r /= static_cast<std::uint32_t>(radix);
    }
  }
  if (negative) out.push_back('-');
  std::reverse(out.begin(), out.end());
  return out;
}

int compare(const BigNum& a, const BigNum& b) {
  if (a.negative != b.negative) return a.negative ? -1 : 1;
  int c = cmp_mag(a.mag, b.mag);
  return a.negative ? -c : c;
}

bool equals(const BigNum& a, const BigNum& b) {
  return a.negative == b.negative && a.mag == b.mag;
}

int compare_double(const BigNum& a, double d) {
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  double t = std::trunc(d);
  int c = compare(a, BigNum::from_double(t));
  if (c != 0) return c;
  if (d > t) return -1;  // a == trunc(d) < d
  if (d < t) return 1;
  return 0;
}

BigNum add(const BigNum& a, const BigNum& b) {
  if (a.negative == b.negative) return make(a.negative, add_mag(a.mag, b.mag));
  int c = cmp_mag(a.mag, b.mag);
  if (c == 0) return {};
  if (c > 0) return make(a.negative, sub_mag(a.mag, b.mag));
  return make(b.negative, sub_mag(b.mag, a.mag));
}

BigNum negate(const BigNum& a) {
  return make(!a.negative, a.mag);
}

BigNum sub(const BigNum& a, const BigNum& b) {
  return add(a, negate(b));
}

BigNum mul(const BigNum& a, const BigNum& b) {
  return make(a.negative != b.negative, mul_mag(a.mag, b.mag));
}

BigNum div(const BigNum& a, const BigNum& b) {
  Mag q, r;
  divmod_mag(a.mag, b.mag, q, r);
  return make(a.negative != b.negative, std::move(q));
}

BigNum rem(const BigNum& a, const BigNum& b) {
  Mag q, r;
  divmod_mag(a.mag, b.mag, q, r);
  return make(a.negative, std::move(r));
}

BigNum pow(const BigNum& base, std::uint64_t exponent) {
  BigNum result = BigNum::from_uint64(1);
  BigNum b = base;
  while (exponent != 0) {
    if (exponent & 1) result = mul(result, b);
    exponent >>= 1;
    if (exponent != 0) b = mul(b, b);
  }
  return result;
}

BigNum bit_not(const BigNum& a) {
  return sub(negate(a), BigNum::from_uint64(1));  // ~a = -a - 1
}

BigNum bit_and(const BigNum& a, const BigNum& b) {
  return bitwise(a, b, [](std::uint32_t x, std::uint32_t y) { return x & y; });
}
BigNum bit_or(const BigNum& a, const BigNum& b) {
  return bitwise(a, b, [](std::uint32_t x, std::uint32_t y) { return x | y; });
}
BigNum bit_xor(const BigNum& a, const BigNum& b) {
  return bitwise(a, b, [](std::uint32_t x, std::uint32_t y) { return x ^ y; });
}

BigNum shift_left(const BigNum& a, std::int64_t n) {
  if (n >= 0) return make(a.negative, shl_mag(a.mag, static_cast<std::uint64_t>(n)));
  bool lost = false;
  Mag r = shr_mag(a.mag, static_cast<std::uint64_t>(-n), &lost);
  // Floor division: a negative number rounds away from zero.
  if (a.negative && lost) r = add_mag(r, Mag{1});
  return make(a.negative, std::move(r));
}

BigNum as_uint_n(const BigNum& a, std::uint64_t bits) {
  if (bits == 0 || a.is_zero()) return {};
  std::size_t n = static_cast<std::size_t>((bits + 31) / 32);
  Mag r = twos(a, std::max(n, a.mag.size() + 1));
  r.resize(n);
  if (bits % 32 != 0) r.back() &= (1u << (bits % 32)) - 1;
  return make(false, std::move(r));
}

BigNum as_int_n(const BigNum& a, std::uint64_t bits) {
  if (bits == 0) return {};
  BigNum m = as_uint_n(a, bits);
  // m >= 2^(bits-1): subtract 2^bits.
  if (m.bit_length() == bits) {
    Mag two_n = shl_mag(Mag{1}, bits);
    return make(true, sub_mag(two_n, m.mag));
  }
  return m;
}

}  // namespace kite::util
