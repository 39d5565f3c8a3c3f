// Global functions (ECMA-262 19.2, Annex B.2.1 escape/unescape).
#include <chrono>
#include <cmath>
#include <cstring>

#include "builtins/builtins.h"
#include "util/numbers.h"
#include "util/unicode.h"

namespace kite::vm::builtins {

namespace {

// The code units of a flat string, for util's parsers (no copy).
std::string_view latin1_view(const String* s) {
  return {reinterpret_cast<const char*>(s->chars8()), s->length()};
}
std::u16string_view utf16_view(const String* s) {
  return {s->chars16(), s->length()};
}

Value global_parse_int(VM& vm, CallInfo& ci) {
  String* s = vm.flatten(vm.to_string(ci.arg(0)));
  Rooted rs(vm, Value::string(s));
  double radix = vm.to_number(ci.arg(1));
  s = rs.string();
  return Value::number(s->is_one_byte() ? util::parse_int(latin1_view(s), radix)
                                        : util::parse_int(utf16_view(s), radix));
}

Value global_parse_float(VM& vm, CallInfo& ci) {
  String* s = vm.flatten(vm.to_string(ci.arg(0)));
  return Value::number(s->is_one_byte() ? util::parse_float(latin1_view(s))
                                        : util::parse_float(utf16_view(s)));
}

Value global_is_nan(VM& vm, CallInfo& ci) {
  return Value::boolean(std::isnan(vm.to_number(ci.arg(0))));
}

Value global_is_finite(VM& vm, CallInfo& ci) {
  return Value::boolean(std::isfinite(vm.to_number(ci.arg(0))));
}

// uriReserved plus "#" (19.2.6.3-4): encodeURI leaves these as they are and
// decodeURI keeps their escapes.
constexpr std::string_view kUriReservedAndHash = ";/?:@&=+$,#";

Value uri_op(VM& vm, CallInfo& ci, bool encode, std::string_view reserved) {
  String* s = vm.flatten(vm.to_string(ci.arg(0)));
  // Decoding a string without escapes gives the same code units back
  // (19.2.6.6 Decode copies every unit that is not '%').
  if (!encode && s->is_one_byte() && std::memchr(s->chars8(), '%', s->length()) == nullptr) {
    return Value::string(s);
  }
  std::u16string in = s->to_u16();
  std::u16string out;
  bool ok = encode ? util::encode_uri(in, reserved, out) : util::decode_uri(in, reserved, out);
  if (!ok) vm.throw_error(ErrorType::kURIError, "URI malformed");
  return Value::string(vm.new_string_utf16(out));
}

Value global_encode_uri(VM& vm, CallInfo& ci) {
  return uri_op(vm, ci, true, kUriReservedAndHash);
}
Value global_decode_uri(VM& vm, CallInfo& ci) {
  return uri_op(vm, ci, false, kUriReservedAndHash);
}
Value global_encode_uri_component(VM& vm, CallInfo& ci) {
  return uri_op(vm, ci, true, {});
}
Value global_decode_uri_component(VM& vm, CallInfo& ci) {
  return uri_op(vm, ci, false, {});
}

int hex_digit(char16_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// escape (Annex B.2.1.1)
Value global_escape(VM& vm, CallInfo& ci) {
  static const char kHex[] = "0123456789ABCDEF";
  String* s = vm.flatten(vm.to_string(ci.arg(0)));
  std::u16string out;
  for (std::uint32_t i = 0; i < s->length(); ++i) {
    char16_t c = s->at(i);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        (c < 0x80 &&
         std::string_view("@*_+-./").find(static_cast<char>(c)) != std::string_view::npos)) {
      out.push_back(c);
    } else if (c < 256) {
      out += {u'%', static_cast<char16_t>(kHex[c >> 4]), static_cast<char16_t>(kHex[c & 15])};
    } else {
      out += {u'%',
              u'u',
              static_cast<char16_t>(kHex[c >> 12]),
              static_cast<char16_t>(kHex[(c >> 8) & 15]),
              static_cast<char16_t>(kHex[(c >> 4) & 15]),
              static_cast<char16_t>(kHex[c & 15])};
    }
  }
  return Value::string(vm.new_string_utf16(out));
}

// unescape (Annex B.2.1.2): %uXXXX and %XX become code units; any other '%'
// is kept.
Value global_unescape(VM& vm, CallInfo& ci) {
  String* s = vm.flatten(vm.to_string(ci.arg(0)));
  std::uint32_t n = s->length();
  std::u16string out;
  for (std::uint32_t i = 0; i < n; ++i) {
    char16_t c = s->at(i);
    if (c == '%') {
      if (i + 6 <= n && s->at(i + 1) == 'u') {
        int a = hex_digit(s->at(i + 2)), b = hex_digit(s->at(i + 3));
        int d = hex_digit(s->at(i + 4)), e = hex_digit(s->at(i + 5));
        if (a >= 0 && b >= 0 && d >= 0 && e >= 0) {
          out.push_back(static_cast<char16_t>((a << 12) | (b << 8) | (d << 4) | e));
          i += 5;
          continue;
        }
      }
      if (i + 3 <= n) {
        int a = hex_digit(s->at(i + 1)), b = hex_digit(s->at(i + 2));
        if (a >= 0 && b >= 0) {
          out.push_back(static_cast<char16_t>((a << 4) | b));
          i += 2;
          continue;
        }
      }
    }
    out.push_back(c);
  }
  return Value::string(vm.new_string_utf16(out));
}

}  // namespace

namespace {
// eval(x) called any other way than by the name eval: an indirect eval.
Value global_eval(VM& vm, CallInfo& ci) {
  return vm.perform_eval(ci.arg(0), nullptr, nullptr);
}
}  // namespace

void install_globals(VM& vm, Object* global) {
  vm.intrinsics().eval = vm.define_native(global, "eval", global_eval, 1);
  Rooted rg(vm, Value::object(global));
  NativeFunction* pi = vm.define_native(global, "parseInt", global_parse_int, 2);
  Rooted rpi(vm, Value::object(pi));
  NativeFunction* pf = vm.define_native(rg.object(), "parseFloat", global_parse_float, 1);
  Rooted rpf(vm, Value::object(pf));
  vm.define_native(rg.object(), "isNaN", global_is_nan, 1);
  vm.define_native(rg.object(), "isFinite", global_is_finite, 1);
  vm.define_native(rg.object(), "encodeURI", global_encode_uri, 1);
  vm.define_native(rg.object(), "decodeURI", global_decode_uri, 1);
  vm.define_native(rg.object(), "encodeURIComponent", global_encode_uri_component, 1);
  vm.define_native(rg.object(), "decodeURIComponent", global_decode_uri_component, 1);
  vm.define_native(rg.object(), "escape", global_escape, 1);
  vm.define_native(rg.object(), "unescape", global_unescape, 1);
  vm.define_value(rg.object(), "NaN", Value::raw_double(std::nan("")), 0);
  vm.define_value(rg.object(), "Infinity", Value::raw_double(INFINITY), 0);
  vm.define_value(rg.object(), "undefined", Value::undefined(), 0);
  // Number.parseInt / parseFloat are the same functions.
  Value number = vm.get(rg.object(), "Number");
  if (number.is_object()) {
    Rooted rn(vm, number);
    vm.define_value(rn.object(), "parseInt", rpi.get());
    vm.define_value(rn.object(), "parseFloat", rpf.get());
  }
}

}  // namespace kite::vm::builtins
