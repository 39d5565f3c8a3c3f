#include "util/numbers.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <span>

namespace kite::util {

namespace {

// Shortest round-trip decimal digits and the decimal exponent n such that
// value = 0.d1d2...dk * 10^n.
void shortest_digits(double v, char* digits, int* k, int* n) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  char* end = res.ptr;
  char* e = static_cast<char*>(std::memchr(buf, 'e', static_cast<std::size_t>(end - buf)));
  int count = 0;
  for (char* p = buf; p < e; ++p) {
    if (*p >= '0' && *p <= '9') digits[count++] = *p;
  }
  while (count > 1 && digits[count - 1] == '0') --count;
  int exp = 0;
  std::from_chars(e + 1 + (e[1] == '+' ? 1 : 0), end, exp);
  *k = count;
  *n = exp + 1;
}

bool is_space(char16_t c) {
  return c == 9 || c == 10 || c == 11 || c == 12 || c == 13 || c == 32 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

int digit_value(char16_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// The value of p[0..n) when it is 1 to 15 decimal digits: such integers
// are exact in a double, so no from_chars or copy is needed (the numeric
// strings of js/parseInt and js/httpHandlerHeavy).
template <typename C>
bool small_decimal(const C* p, std::size_t n, double* out) {
  if (n == 0 || n > 15) return false;
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (p[i] < '0' || p[i] > '9') return false;
    v = v * 10 + static_cast<std::uint64_t>(p[i] - '0');
  }
  *out = static_cast<double>(v);
  return true;
}

template <typename C>
double string_to_number_impl(const C* p, std::size_t n) {
  std::size_t a = 0, b = n;
  while (a < b && is_space(static_cast<char16_t>(p[a]))) ++a;
  while (b > a && is_space(static_cast<char16_t>(p[b - 1]))) --b;
  if (a == b) return 0;
  double small;
  if (small_decimal(p + a, b - a, &small)) return small;
  std::string s;
  s.reserve(b - a);
  for (std::size_t i = a; i < b; ++i) {
    if (p[i] > 0x7F) return std::nan("");
    s.push_back(static_cast<char>(p[i]));
  }
  if (s.size() > 2 && s[0] == '0' &&
      (s[1] == 'x' || s[1] == 'X' || s[1] == 'o' || s[1] == 'O' || s[1] == 'b' || s[1] == 'B')) {
    int radix = (s[1] == 'x' || s[1] == 'X') ? 16 : (s[1] == 'o' || s[1] == 'O') ? 8 : 2;
    double v = 0;
    for (std::size_t i = 2; i < s.size(); ++i) {
      int d = digit_value(static_cast<char16_t>(s[i]));
      if (d >= radix) return std::nan("");
      v = v * radix + d;
    }
    return v;
  }
  std::size_t i = 0;
  bool neg = false;
  if (s[i] == '+' || s[i] == '-') {
    neg = s[i] == '-';
    ++i;
  }
  if (s.compare(i, std::string::npos, "Infinity") == 0) return neg ? -INFINITY : INFINITY;
  // StrUnsignedDecimalLiteral: digits [. digits] [e[+-]digits], or . digits ...
  std::size_t start = i;
  bool any = false;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    ++i;
    any = true;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      ++i;
      any = true;
    }
  }
  if (!any) return std::nan("");
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    bool exp_digits = false;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      ++i;
      exp_digits = true;
    }
    if (!exp_digits) return std::nan("");
  }
  if (i != s.size()) return std::nan("");
  double v = 0;
  const char* first = s.data() + start;
  if (*first == '.') {
    std::string t = "0" + s.substr(start);
    auto r = std::from_chars(t.data(), t.data() + t.size(), v);
    if (r.ec == std::errc::result_out_of_range)
      v = t.find("e-") != std::string::npos ? 0 : INFINITY;
  } else {
    auto r = std::from_chars(first, s.data() + s.size(), v);
    if (r.ec == std::errc::result_out_of_range) {
      v = s.find("e-") != std::string::npos || s.find("E-") != std::string::npos ? 0 : INFINITY;
    }
  }
  return neg ? -v : v;
}

// Exact-tie-aware fixed formatting: rounds half away from zero like the
// spec's "pick the larger n" for non-negative x.
std::string fixed_half_up(double x, int f) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "%.*f", f + 40, x);
  std::string exact = buf;
  std::size_t dot = exact.find('.');
  std::size_t cut = dot + 1 + static_cast<std::size_t>(f);
  bool tie = exact[cut] == '5';
  for (std::size_t i = cut + 1; tie && i < exact.size(); ++i) tie = exact[i] == '0';
  if (!tie) {
    std::snprintf(buf, sizeof buf, "%.*f", f, x);
    return buf;
  }
  std::string t = exact.substr(0, f == 0 ? dot : cut);
  // Increment the decimal string t.
  int i = static_cast<int>(t.size()) - 1;
  while (i >= 0) {
    if (t[static_cast<std::size_t>(i)] == '.') {
      --i;
      continue;
    }
    if (t[static_cast<std::size_t>(i)] == '9') {
      t[static_cast<std::size_t>(i)] = '0';
      --i;
      continue;
    }
    ++t[static_cast<std::size_t>(i)];
    break;
  }
  if (i < 0) t.insert(t.begin(), '1');
  return t;
}

}  // namespace

void number_to_string(double v, std::string& out) {
  if (v != v) {
    out += "NaN";
    return;
  }
  if (v == 0) {
    out += '0';
    return;
  }
  if (std::isinf(v)) {
    out += v < 0 ? "-Infinity" : "Infinity";
    return;
  }
  if (v >= -9007199254740992.0 && v <= 9007199254740992.0 &&
      v == static_cast<double>(static_cast<std::int64_t>(v))) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, static_cast<std::int64_t>(v));
    out.append(buf, r.ptr);
    return;
  }
  if (v < 0) {
    out += '-';
    v = -v;
  }
  char d[32];
  int k, n;
  shortest_digits(v, d, &k, &n);
  if (k <= n && n <= 21) {
    out.append(d, static_cast<std::size_t>(k));
    out.append(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out.append(d, static_cast<std::size_t>(n));
    out += '.';
    out.append(d + n, static_cast<std::size_t>(k - n));
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out.append(d, static_cast<std::size_t>(k));
  } else {
    out += d[0];
    if (k > 1) {
      out += '.';
      out.append(d + 1, static_cast<std::size_t>(k - 1));
    }
    out += 'e';
    out += n - 1 >= 0 ? '+' : '-';
    out += std::to_string(std::abs(n - 1));
  }
}

std::string number_to_string(double v) {
  std::string s;
  number_to_string(v, s);
  return s;
}

std::string number_to_string_radix(double value, int radix) {
  if (value != value) return "NaN";
  if (std::isinf(value)) return value < 0 ? "-Infinity" : "Infinity";
  if (value == 0) return "0";
  static const char kChars[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  bool neg = value < 0;
  if (neg) value = -value;
  double integer = std::floor(value);
  double fraction = value - integer;
  double delta = 0.5 * (std::nextafter(value, INFINITY) - value);
  delta = std::max(std::nextafter(0.0, 1.0), delta);
  std::string frac;
  if (fraction >= delta) {
    do {
      fraction *= radix;
      delta *= radix;
      int digit = static_cast<int>(fraction);
      frac.push_back(kChars[digit]);
      fraction -= digit;
      if (fraction > 0.5 || (fraction == 0.5 && (digit & 1))) {
        if (fraction + delta > 1) {
          // Round up, propagating carries.
          for (;;) {
            if (frac.empty()) {
              integer += 1;
              break;
            }
            char c = frac.back();
            int d = c > '9' ? c - 'a' + 10 : c - '0';
            if (d + 1 < radix) {
              frac.back() = kChars[d + 1];
              break;
            }
            frac.pop_back();
          }
          break;
        }
      }
    } while (fraction >= delta);
  }
  // Integer digits, least significant first. While integer / radix is still
  // at least 2^53 its low digits are not represented in the double: they
  // print as zeros and the division is inexact, as in V8.
  std::string digits;
  while (integer / radix >= 9007199254740992.0) {
    integer /= radix;
    digits.push_back('0');
  }
  do {
    double rem = std::fmod(integer, radix);
    digits.push_back(kChars[static_cast<int>(rem)]);
    integer = (integer - rem) / radix;
  } while (integer > 0);
  std::string out = neg ? "-" : "";
  out.append(digits.rbegin(), digits.rend());
  if (!frac.empty()) {
    out += '.';
    out += frac;
  }
  return out;
}

std::string to_fixed(double x, int f) {
  if (x != x) return "NaN";
  if (std::fabs(x) >= 1e21 || std::isinf(x)) return number_to_string(x);
  bool neg = x < 0;
  std::string s = fixed_half_up(std::fabs(x), f);
  return neg ? "-" + s : s;
}

std::string to_exponential(double x, int f) {
  if (x != x) return "NaN";
  if (std::isinf(x)) return x < 0 ? "-Infinity" : "Infinity";
  std::string sign = x < 0 ? "-" : "";
  if (x < 0) x = -x;
  std::string mant;
  int e;
  if (x == 0) {
    mant = std::string(1, '0') + (f > 0 ? "." + std::string(static_cast<std::size_t>(f), '0') : "");
    e = 0;
  } else if (f < 0) {
    char d[32];
    int k, n;
    shortest_digits(x, d, &k, &n);
    mant = std::string(1, d[0]);
    if (k > 1) mant += "." + std::string(d + 1, static_cast<std::size_t>(k - 1));
    e = n - 1;
  } else {
    char buf[256];
    std::snprintf(buf, sizeof buf, "%.*e", f, x);
    std::string s = buf;
    std::size_t epos = s.find('e');
    mant = s.substr(0, epos);
    e = std::stoi(s.substr(epos + 1));
    // Ties: the spec rounds half up on the exact value.
    std::snprintf(buf, sizeof buf, "%.*e", f + 30, x);
    std::string exact = buf;
    std::size_t ep2 = exact.find('e');
    int e2 = std::stoi(exact.substr(ep2 + 1));
    std::string digits;
    for (std::size_t i = 0; i < ep2; ++i) {
      if (exact[i] >= '0' && exact[i] <= '9') digits.push_back(exact[i]);
    }
    std::size_t cut = static_cast<std::size_t>(f) + 1;
    bool tie = cut < digits.size() && digits[cut] == '5';
    for (std::size_t i = cut + 1; tie && i < digits.size(); ++i) tie = digits[i] == '0';
    if (tie) {
      std::string t = digits.substr(0, cut);
      int i = static_cast<int>(t.size()) - 1;
      while (i >= 0 && t[static_cast<std::size_t>(i)] == '9')
        t[static_cast<std::size_t>(i--)] = '0';
      if (i < 0) {
        t.insert(t.begin(), '1');
        t.pop_back();
        ++e2;
      } else {
        ++t[static_cast<std::size_t>(i)];
      }
      mant = t.substr(0, 1) + (f > 0 ? "." + t.substr(1) : "");
      e = e2;
    }
  }
  return sign + mant + "e" + (e >= 0 ? "+" : "-") + std::to_string(std::abs(e));
}

std::string to_precision(double x, int p) {
  if (x != x) return "NaN";
  if (std::isinf(x)) return x < 0 ? "-Infinity" : "Infinity";
  std::string sign = x < 0 ? "-" : "";
  if (x < 0) x = -x;
  if (x == 0) {
    return sign + "0" + (p > 1 ? "." + std::string(static_cast<std::size_t>(p - 1), '0') : "");
  }
  std::string ex = to_exponential(x, p - 1);
  std::size_t epos = ex.find('e');
  int e = std::stoi(ex.substr(epos + 1));
  std::string digits;
  for (std::size_t i = 0; i < epos; ++i) {
    if (ex[i] >= '0' && ex[i] <= '9') digits.push_back(ex[i]);
  }
  if (e < -6 || e >= p) {
    std::string m = digits.substr(0, 1);
    if (p > 1) m += "." + digits.substr(1);
    return sign + m + "e" + (e >= 0 ? "+" : "-") + std::to_string(std::abs(e));
  }
  if (e == p - 1) return sign + digits;
  if (e >= 0) {
    auto int_digits = static_cast<std::size_t>(e) + 1;
    return sign + digits.substr(0, int_digits) + "." + digits.substr(int_digits);
  }
  return sign + "0." + std::string(static_cast<std::size_t>(-(e + 1)), '0') + digits;
}

double string_to_number(std::u16string_view s) {
  return string_to_number_impl(s.data(), s.size());
}
double string_to_number(std::string_view s) {
  return string_to_number_impl(reinterpret_cast<const unsigned char*>(s.data()), s.size());
}

namespace {

// parseInt (19.2.5) over code units C (char16_t, or unsigned char for Latin-1).
template <typename C>
double parse_int_impl(std::span<const C> s, double radix_d) {
  std::size_t i = 0;
  while (i < s.size() && is_space(static_cast<char16_t>(s[i]))) ++i;
  bool neg = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    neg = s[i] == '-';
    ++i;
  }
  int radix = std::isfinite(radix_d) ? static_cast<int>(to_int32(radix_d)) : 0;
  bool strip_prefix = true;
  if (radix != 0) {
    if (radix < 2 || radix > 36) return std::nan("");
    if (radix != 16) strip_prefix = false;
  } else {
    radix = 10;
  }
  if (strip_prefix && i + 1 < s.size() && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
    i += 2;
    radix = 16;
  }
  std::size_t start = i;
  while (i < s.size() && digit_value(static_cast<char16_t>(s[i])) < radix) ++i;
  if (i == start) return std::nan("");
  double v = 0;
  if (radix == 10 && small_decimal(s.data() + start, i - start, &v)) return neg ? -v : v;
  if (radix == 10) {
    std::string digits;
    for (std::size_t k = start; k < i; ++k) digits.push_back(static_cast<char>(s[k]));
    auto r = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (r.ec == std::errc::result_out_of_range) v = INFINITY;
  } else {
    for (std::size_t k = start; k < i; ++k)
      v = v * radix + digit_value(static_cast<char16_t>(s[k]));
  }
  return neg ? -v : v;
}

// parseFloat (19.2.4) over code units C.
template <typename C>
double parse_float_impl(std::span<const C> s) {
  std::size_t i = 0;
  while (i < s.size() && is_space(static_cast<char16_t>(s[i]))) ++i;
  std::string t;
  std::size_t j = i;
  if (j < s.size() && (s[j] == '+' || s[j] == '-')) t.push_back(static_cast<char>(s[j++]));
  static constexpr char kInf[] = "Infinity";
  if (s.size() - j >= 8 && std::equal(kInf, kInf + 8, s.data() + j)) {
    return t == "-" ? -INFINITY : INFINITY;
  }
  bool any = false;
  while (j < s.size() && s[j] >= '0' && s[j] <= '9') {
    t.push_back(static_cast<char>(s[j++]));
    any = true;
  }
  if (j < s.size() && s[j] == '.') {
    std::size_t save = t.size();
    t.push_back('.');
    ++j;
    bool frac = false;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') {
      t.push_back(static_cast<char>(s[j++]));
      frac = true;
    }
    if (!frac && !any) return std::nan("");
    if (!frac) t.resize(save);
    any = any || frac;
  }
  if (!any) return std::nan("");
  if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
    std::string e = "e";
    std::size_t k = j + 1;
    if (k < s.size() && (s[k] == '+' || s[k] == '-')) e.push_back(static_cast<char>(s[k++]));
    bool digits = false;
    while (k < s.size() && s[k] >= '0' && s[k] <= '9') {
      e.push_back(static_cast<char>(s[k++]));
      digits = true;
    }
    if (digits) t += e;
  }
  return string_to_number(std::string_view(t));
}

}  // namespace

double parse_int(std::u16string_view s, double radix) {
  return parse_int_impl(std::span<const char16_t>(s.data(), s.size()), radix);
}
double parse_int(std::string_view latin1, double radix) {
  return parse_int_impl(
      std::span(reinterpret_cast<const unsigned char*>(latin1.data()), latin1.size()), radix);
}
double parse_float(std::u16string_view s) {
  return parse_float_impl(std::span<const char16_t>(s.data(), s.size()));
}
double parse_float(std::string_view latin1) {
  return parse_float_impl(
      std::span(reinterpret_cast<const unsigned char*>(latin1.data()), latin1.size()));
}

std::int32_t to_int32(double d) {
  auto i = static_cast<std::int32_t>(d);
  if (static_cast<double>(i) == d) return i;
  if (!std::isfinite(d)) return 0;
  double m = std::fmod(std::trunc(d), 4294967296.0);
  if (m < 0) m += 4294967296.0;
  auto u = static_cast<std::uint32_t>(m);
  return static_cast<std::int32_t>(u);
}

std::uint32_t to_uint32(double d) {
  return static_cast<std::uint32_t>(to_int32(d));
}

std::uint16_t to_uint16(double d) {
  return static_cast<std::uint16_t>(to_int32(d));
}

}  // namespace kite::util
