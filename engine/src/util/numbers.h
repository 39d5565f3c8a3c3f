// Number conversions with exact ECMAScript semantics: Number::toString
// (shortest round-trip, ECMA-262 6.1.6.1.20), toString(radix), toFixed,
// toPrecision, toExponential, StringToNumber (7.1.4.1.1), parseInt and
// parseFloat (19.2.4-5), ToInt32/ToUint32/ToUint16 (7.1.6-8).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
namespace kite::util {
void number_to_string(double v, std::string& out);
std::string number_to_string(double v);
std::string number_to_string_radix(double v, int radix);
std::string to_fixed(double v, int digits);
std::string to_precision(double v, int p);
std::string to_exponential(double v, int digits);
double string_to_number(std::u16string_view s);
double string_to_number(std::string_view s);
double parse_int(std::u16string_view s, double radix);
double parse_float(std::u16string_view s);
// The same over Latin-1 code units (one byte each).
double parse_int(std::string_view latin1, double radix);
double parse_float(std::string_view latin1);
std::int32_t to_int32(double);
std::uint32_t to_uint32(double);
std::uint16_t to_uint16(double);
}  // namespace kite::util
