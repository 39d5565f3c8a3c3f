// String constructor and String.prototype (ECMA-262 22.1). Strings are
// sequences of UTF-16 code units; one-byte strings take memchr/memmem
// fast paths.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <utility>

#include "builtins/builtins.h"
#include "objects/symbol.h"
#include "util/numbers.h"
#include "util/unicode.h"

namespace kite::vm::builtins {

namespace {

// RequireObjectCoercible(this) then ToString, flattened.
String* this_string(VM& vm, CallInfo& ci, const char* method) {
  Value t = ci.this_value;
  if (t.is_string()) return vm.flatten(t.as_string());
  if (t.is_nullish()) {
    vm.throw_type_error(std::string("String.prototype.") + method + " called on null or undefined");
  }
  return vm.flatten(vm.to_string(t));
}

String* arg_string(VM& vm, Value v) {
  return vm.flatten(vm.to_string(v));
}

// The search string of includes/startsWith/endsWith, which refuse a RegExp
// (22.1.3.8 step 4 and friends).
String* search_string_arg(VM& vm, Value v, const char* method) {
  if (is_regexp(vm, v)) {
    vm.throw_type_error(std::string("First argument to String.prototype.") + method +
                        " must not be a regular expression");
  }
  return arg_string(vm, v);
}

bool equals_ascii(const String* s, std::string_view ascii) {
  if (s->length() != ascii.size()) return false;
  for (std::uint32_t i = 0; i < s->length(); ++i) {
    if (s->at(i) != static_cast<unsigned char>(ascii[i])) return false;
  }
  return true;
}

bool is_ascii(const String* s) {
  if (!s->is_one_byte()) return false;
  const std::uint8_t* p = s->chars8();
  for (std::uint32_t i = 0; i < s->length(); ++i) {
    if (p[i] >= 0x80) return false;
  }
  return true;
}

// The first steps of split/replace/replaceAll (22.1.3): a non-nullish
// argument with a Symbol.split/replace method (a RegExp, or any object
// implementing the protocol) does the work.
bool delegate(VM& vm, CallInfo& ci, Symbol* protocol, const char* method, Value* out) {
  if (ci.this_value.is_nullish()) {
    vm.throw_type_error(std::string("String.prototype.") + method + " called on null or undefined");
  }
  // Primitives are not asked for the method (as in ES2025 and V8).
  Value arg = ci.arg(0);
  if (!arg.is_object()) return false;
  Value fn = vm.get_method(arg, PropertyKey::symbol(protocol));
  if (fn.is_undefined()) return false;
  Value args[2] = {ci.this_value, ci.arg(1)};
  *out = vm.call(fn, arg, args);
  return true;
}

// First index >= from where `pat` occurs in `s`, or -1.
std::int64_t index_of(const String* s, const String* pat, std::uint32_t from) {
  std::uint32_t n = s->length(), m = pat->length();
  if (m == 0) return from <= n ? from : n;
  if (m > n || from > n - m) return -1;
  if (s->is_one_byte() && pat->is_one_byte()) {
    const auto* hay = s->chars8();
    const auto* needle = pat->chars8();
    if (m > 16) {
      const void* found = memmem(hay + from, n - from, needle, m);
      return found == nullptr ? -1 : static_cast<const std::uint8_t*>(found) - hay;
    }
    // Short needles: memchr to each candidate first unit, then compare the
    // rest (memmem's set-up cost dominated js/stringOps' indexOf('fox')).
    const std::uint8_t* p = hay + from;
    const std::uint8_t* last = hay + (n - m);
    while (p <= last) {
      const auto* c = static_cast<const std::uint8_t*>(
          std::memchr(p, needle[0], static_cast<std::size_t>(last - p) + 1));
      if (c == nullptr) return -1;
      if (std::memcmp(c + 1, needle + 1, m - 1) == 0) return c - hay;
      p = c + 1;
    }
    return -1;
  }
  char16_t first = pat->at(0);
  for (std::uint32_t i = from; i + m <= n; ++i) {
    if (s->at(i) != first) continue;
    std::uint32_t j = 1;
    while (j < m && s->at(i + j) == pat->at(j)) ++j;
    if (j == m) return i;
  }
  return -1;
}

std::int64_t last_index_of(const String* s, const String* pat, std::uint32_t from) {
  std::uint32_t n = s->length(), m = pat->length();
  if (m > n) return -1;
  std::uint32_t start = std::min(from, n - m);
  for (std::int64_t i = start; i >= 0; --i) {
    std::uint32_t j = 0;
    while (j < m && s->at(static_cast<std::uint32_t>(i) + j) == pat->at(j)) ++j;
    if (j == m) return i;
  }
  return -1;
}

Value string_ctor(VM& vm, CallInfo& ci) {
  Value s;
  if (ci.argc == 0) {
    s = Value::string(vm.atoms().empty);
  } else if (ci.new_target.is_undefined() && ci.args[0].is_symbol()) {
    return Value::string(vm.new_string_utf8(vm.describe(ci.args[0])));
  } else {
    s = Value::string(vm.to_string(ci.args[0]));
  }
  if (ci.new_target.is_undefined()) return s;
  // StringCreate(s, GetPrototypeFromConstructor(NewTarget, %String.prototype%)).
  return Value::object(primitive_wrapper(vm, s, ci.new_target, vm.intrinsics().string_prototype));
}

Value string_from_char_code(VM& vm, CallInfo& ci) {
  std::u16string out;
  for (std::uint32_t i = 0; i < ci.argc; ++i) {
    out.push_back(static_cast<char16_t>(util::to_uint16(vm.to_number(ci.args[i]))));
  }
  return Value::string(vm.new_string_utf16(out));
}

Value string_from_code_point(VM& vm, CallInfo& ci) {
  std::u16string out;
  for (std::uint32_t i = 0; i < ci.argc; ++i) {
    double d = vm.to_number(ci.args[i]);
    if (d != std::trunc(d) || d < 0 || d > 0x10FFFF) {
      vm.throw_range_error("Invalid code point " + util::number_to_string(d));
    }
    auto cp = static_cast<char32_t>(d);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
  }
  return Value::string(vm.new_string_utf16(out));
}

// String.raw (22.1.2.4)
Value string_raw(VM& vm, CallInfo& ci) {
  Rooted cooked(vm, Value::object(vm.to_object(ci.arg(0))));
  Rooted raw(vm, vm.get(cooked.object(), PropertyKey::atom(vm.atoms().raw)));
  Rooted lit(vm, Value::object(vm.to_object(raw.get())));
  std::uint32_t n = vm.to_length_u32(vm.get(lit.object(), PropertyKey::atom(vm.atoms().length)));
  Rooted acc(vm, Value::string(vm.atoms().empty));
  for (std::uint32_t i = 0; i < n; ++i) {
    String* seg = vm.to_string(vm.get(lit.object(), PropertyKey::index(i)));
    acc.set(Value::string(vm.concat(acc.string(), seg)));
    if (i + 1 < n && i + 1 < ci.argc) {
      String* sub = vm.to_string(ci.args[i + 1]);
      acc.set(Value::string(vm.concat(acc.string(), sub)));
    }
  }
  return acc.get();
}

Value this_string_value(VM& vm, CallInfo& ci, const char* method) {
  Value t = ci.this_value;
  if (t.is_string()) return t;
  if (t.is_object() && t.as_object()->klass() == ObjectClass::kString)
    return t.as_object()->internal();
  vm.throw_type_error(std::string("String.prototype.") + method +
                      " requires that 'this' be a String");
}

Value string_to_string(VM& vm, CallInfo& ci) {
  return this_string_value(vm, ci, "toString");
}
Value string_value_of(VM& vm, CallInfo& ci) {
  return this_string_value(vm, ci, "valueOf");
}

Value string_char_at(VM& vm, CallInfo& ci) {
  String* s = this_string(vm, ci, "charAt");
  Rooted rs(vm, Value::string(s));
  double pos = vm.to_integer_or_infinity(ci.arg(0));
  if (pos < 0 || pos >= s->length()) return Value::string(vm.atoms().empty);
  return Value::string(vm.single_char(rs.string()->at(static_cast<std::uint32_t>(pos))));
}

Value string_char_code_at(VM& vm, CallInfo& ci) {
  String* s = this_string(vm, ci, "charCodeAt");
  Rooted rs(vm, Value::string(s));
  double pos = vm.to_integer_or_infinity(ci.arg(0));
  if (pos < 0 || pos >= rs.string()->length()) return Value::raw_double(std::nan(""));
  return Value::int32(rs.string()->at(static_cast<std::uint32_t>(pos)));
}

Value string_code_point_at(VM& vm, CallInfo& ci) {
  String* s = this_string(vm, ci, "codePointAt");
  Rooted rs(vm, Value::string(s));
  double pos = vm.to_integer_or_infinity(ci.arg(0));
  s = rs.string();
  if (pos < 0 || pos >= s->length()) return Value::undefined();
  auto i = static_cast<std::uint32_t>(pos);
  char16_t c = s->at(i);
  if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s->length()) {
    char16_t d = s->at(i + 1);
    if (d >= 0xDC00 && d <= 0xDFFF)
      return Value::int32(0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00));
  }
  return Value::int32(c);
}

Value string_at(VM& vm, CallInfo& ci) {
  String* s = this_string(vm, ci, "at");
  Rooted rs(vm, Value::string(s));
  double k = vm.to_integer_or_infinity(ci.arg(0));
  s = rs.string();
  if (k < 0) k += s->length();
  if (k < 0 || k >= s->length()) return Value::undefined();
  return Value::string(vm.single_char(s->at(static_cast<std::uint32_t>(k))));
}

Value string_index_of(VM& vm, CallInfo& ci) {
  Rooted rs(vm, Value::string(this_string(vm, ci, "indexOf")));
  Rooted rp(vm, Value::string(arg_string(vm, ci.arg(0))));
  double pos = vm.to_integer_or_infinity(ci.arg(1));
  auto from = static_cast<std::uint32_t>(std::clamp<double>(pos, 0, rs.string()->length()));
  return Value::number(static_cast<double>(index_of(rs.string(), rp.string(), from)));
}

Value string_last_index_of(VM& vm, CallInfo& ci) {
  Rooted rs(vm, Value::string(this_string(vm, ci, "lastIndexOf")));
  Rooted rp(vm, Value::string(arg_string(vm, ci.arg(0))));
  double num = vm.to_number(ci.arg(1));
  double pos = std::isnan(num) ? INFINITY : std::trunc(num);
  auto from = static_cast<std::uint32_t>(std::clamp<double>(pos, 0, rs.string()->length()));
  return Value::number(static_cast<double>(last_index_of(rs.string(), rp.string(), from)));
}

Value string_includes(VM& vm, CallInfo& ci) {
  Rooted rs(vm, Value::string(this_string(vm, ci, "includes")));
  Rooted rp(vm, Value::string(search_string_arg(vm, ci.arg(0), "includes")));
  double pos = vm.to_integer_or_infinity(ci.arg(1));
  auto from = static_cast<std::uint32_t>(std::clamp<double>(pos, 0, rs.string()->length()));
  return Value::boolean(index_of(rs.string(), rp.string(), from) >= 0);
}

Value string_starts_with(VM& vm, CallInfo& ci) {
  Rooted rs(vm, Value::string(this_string(vm, ci, "startsWith")));
  Rooted rp(vm, Value::string(search_string_arg(vm, ci.arg(0), "startsWith")));
  double pos = vm.to_integer_or_infinity(ci.arg(1));
  String* s = rs.string();
  String* p = rp.string();
  auto start = static_cast<std::uint32_t>(std::clamp<double>(pos, 0, s->length()));
  if (start + static_cast<std::uint64_t>(p->length()) > s->length()) return Value::boolean(false);
  for (std::uint32_t i = 0; i < p->length(); ++i) {
    if (s->at(start + i) != p->at(i)) return Value::boolean(false);
  }
  return Value::boolean(true);
}

Value string_ends_with(VM& vm, CallInfo& ci) {
  Rooted rs(vm, Value::string(this_string(vm, ci, "endsWith")));
  Rooted rp(vm, Value::string(search_string_arg(vm, ci.arg(0), "endsWith")));
  String* s = rs.string();
  double pos = ci.arg(1).is_undefined() ? s->length() : vm.to_integer_or_infinity(ci.arg(1));
  s = rs.string();
  String* p = rp.string();
  auto end = static_cast<std::uint32_t>(std::clamp<double>(pos, 0, s->length()));
  if (p->length() > end) return Value::boolean(false);
  std::uint32_t start = end - p->length();
  for (std::uint32_t i = 0; i < p->length(); ++i) {
    if (s->at(start + i) != p->at(i)) return Value::boolean(false);
  }
  return Value::boolean(true);
}

Value string_slice(VM& vm, CallInfo& ci) {
  Rooted rs(vm, Value::string(this_string(vm, ci, "slice")));
  double len = rs.string()->length();
  double start = vm.to_integer_or_infinity(ci.arg(0));
  double end = ci.arg(1).is_undefined() ? len : vm.to_integer_or_infinity(ci.arg(1));
  if (start < 0) start = std::max(0.0, len + start);
  if (end < 0) end = std::max(0.0, len + end);
  start = std::min(start, len);
  end = std::min(end, len);
  if (start >= end) return Value::string(vm.atoms().empty);
  return Value::string(vm.substring(rs.string(), static_cast<std::uint32_t>(start),
                                    static_cast<std::uint32_t>(end)));
}

Value string_substring(VM& vm, CallInfo& ci) {
  Rooted rs(vm, Value::string(this_string(vm, ci, "substring")));
  double len = rs.string()->length();
  double start = std::clamp(vm.to_integer_or_infinity(ci.arg(0)), 0.0, len);
  double end =
      ci.arg(1).is_undefined() ? len : std::clamp(vm.to_integer_or_infinity(ci.arg(1)), 0.0, len);
  if (start > end) std::swap(start, end);
  return Value::string(vm.substring(rs.string(), static_cast<std::uint32_t>(start),
                                    static_cast<std::uint32_t>(end)));
}

Value string_substr(VM& vm, CallInfo& ci) {
  Rooted rs(vm, Value::string(this_string(vm, ci, "substr")));
  double len = rs.string()->length();
  double start = vm.to_integer_or_infinity(ci.arg(0));
  if (start < 0) start = std::max(0.0, len + start);
  start = std::min(start, len);
  double count = ci.arg(1).is_undefined() ? len : vm.to_integer_or_infinity(ci.arg(1));
  double end = std::min(start + std::max(count, 0.0), len);
  if (start >= end) return Value::string(vm.atoms().empty);
  return Value::string(vm.substring(rs.string(), static_cast<std::uint32_t>(start),
                                    static_cast<std::uint32_t>(end)));
}

// Latin-1 case tables for the one-byte fast path. Upper-casing µ, ß and ÿ
// leaves Latin-1 (U+039C, "SS", U+0178): their entry is 0, which sends the
// string to ICU.
struct Latin1CaseTables {
  std::uint8_t upper[256];
  std::uint8_t lower[256];
};

constexpr Latin1CaseTables make_latin1_case_tables() {
  Latin1CaseTables t{};
  for (int c = 0; c < 256; ++c) {
    auto u = static_cast<std::uint8_t>(c);
    auto l = static_cast<std::uint8_t>(c);
    if ((c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7))
      u = static_cast<std::uint8_t>(c - 32);
    if (c == 0xB5 || c == 0xDF || c == 0xFF) u = 0;
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
      l = static_cast<std::uint8_t>(c + 32);
    t.upper[c] = u;
    t.lower[c] = l;
  }
  return t;
}

constexpr Latin1CaseTables kLatin1Case = make_latin1_case_tables();

// String.prototype.toUpperCase / toLowerCase (22.1.3.28, 22.1.3.30): full
// Unicode case mapping. One-byte strings map through a table unless they
// hold µ, ß or ÿ (upper-casing); a string the mapping leaves unchanged is
// returned as it is.
Value change_case(VM& vm, CallInfo& ci, bool upper, const char* method) {
  String* s = this_string(vm, ci, method);
  if (s->is_one_byte()) {
    const std::uint8_t* table = upper ? kLatin1Case.upper : kLatin1Case.lower;
    const std::uint8_t* p = s->chars8();
    std::uint32_t n = s->length();
    std::uint32_t first = 0;
    while (first < n && table[p[first]] == p[first]) ++first;
    if (first == n) return Value::string(s);
    bool stays_latin1 = true;
    for (std::uint32_t i = first; i < n && stays_latin1; ++i) {
      stays_latin1 = table[p[i]] != 0 || p[i] == 0;
    }
    if (stays_latin1) {
      Rooted rs(vm, Value::string(s));
      String* out = vm.alloc_flat_string(n, true);
      p = rs.string()->chars8();
      auto* d = const_cast<std::uint8_t*>(out->chars8());
      std::memcpy(d, p, first);
      for (std::uint32_t i = first; i < n; ++i) d[i] = table[p[i]];
      return Value::string(out);
    }
  }
  // ICU does not allocate on the JS heap, so a two-byte string's units are
  // read in place.
  std::u16string widened, out;
  std::u16string_view in;
  if (s->is_one_byte()) {
    widened = s->to_u16();
    in = widened;
  } else {
    in = {s->chars16(), s->length()};
  }
  if (upper) {
    util::to_upper_full(in, out);
  } else {
    util::to_lower_full(in, out);
  }
  return Value::string(vm.new_string_utf16(out));
}

// The locale forms use the root locale (no Intl; 22.1.3.26-27 leave the
// locale to the implementation), so they equal the plain ones.
Value string_to_upper(VM& vm, CallInfo& ci) {
  return change_case(vm, ci, true, "toUpperCase");
}
Value string_to_lower(VM& vm, CallInfo& ci) {
  return change_case(vm, ci, false, "toLowerCase");
}
Value string_to_locale_upper(VM& vm, CallInfo& ci) {
  return change_case(vm, ci, true, "toLocaleUpperCase");
}
Value string_to_locale_lower(VM& vm, CallInfo& ci) {
  return change_case(vm, ci, false, "toLocaleLowerCase");
}

bool is_trim_space(char16_t c) {
  return util::is_js_whitespace(c) || util::is_line_terminator(c);
}

// TrimString (22.1.3.32.1): WhiteSpace (TAB, VT, FF, ZWNBSP and every Zs)
// and LineTerminator units.
Value trim(VM& vm, CallInfo& ci, bool start, bool end, const char* method) {
  Rooted rs(vm, Value::string(this_string(vm, ci, method)));
  String* s = rs.string();
  std::uint32_t a = 0, b = s->length();
  if (start) {
    while (a < b && is_trim_space(s->at(a))) ++a;
  }
  if (end) {
    while (b > a && is_trim_space(s->at(b - 1))) --b;
  }
  return Value::string(vm.substring(s, a, b));
}

Value string_trim(VM& vm, CallInfo& ci) {
  return trim(vm, ci, true, true, "trim");
}
Value string_trim_start(VM& vm, CallInfo& ci) {
  // V8's messages name the Annex B aliases; Node users see those.
  return trim(vm, ci, true, false, "trimLeft");
}
Value string_trim_end(VM& vm, CallInfo& ci) {
  return trim(vm, ci, false, true, "trimRight");
}

Value string_split(VM& vm, CallInfo& ci) {
  Value delegated;
  if (delegate(vm, ci, vm.intrinsics().symbol_split, "split", &delegated)) return delegated;
  Rooted rs(vm, Value::string(this_string(vm, ci, "split")));
  std::uint32_t limit =
      ci.arg(1).is_undefined() ? 0xFFFFFFFFu : util::to_uint32(vm.to_number(ci.arg(1)));
  Rooted rsep(vm, Value::string(arg_string(vm, ci.arg(0))));  // before the limit check
  Rooted out(vm, Value::object(vm.new_array()));
  if (limit == 0) return out.get();
  if (ci.arg(0).is_undefined()) {
    vm.array_push(out.object(), rs.get());
    return out.get();
  }
  String* s = rs.string();
  String* sep = rsep.string();
  std::uint32_t n = s->length();
  if (sep->length() == 0) {
    for (std::uint32_t i = 0; i < n && i < limit; ++i) {
      vm.array_push(out.object(), Value::string(vm.single_char(rs.string()->at(i))));
    }
    return out.get();
  }
  if (n == 0) {
    vm.array_push(out.object(), rs.get());
    return out.get();
  }
  std::uint32_t p = 0;
  for (;;) {
    std::int64_t q = index_of(rs.string(), rsep.string(), p);
    if (q < 0) break;
    Value part = Value::string(vm.substring(rs.string(), p, static_cast<std::uint32_t>(q)));
    vm.array_push(out.object(), part);
    if (out.object()->element_count() >= limit) return out.get();
    p = static_cast<std::uint32_t>(q) + rsep.string()->length();
  }
  Value tail = Value::string(vm.substring(rs.string(), p, rs.string()->length()));
  vm.array_push(out.object(), tail);
  return out.get();
}

// GetSubstitution (22.1.3.19.1) for string patterns.
void append_substitution(String* matched, String* str, std::uint32_t position, String* replacement,
                         std::u16string& out) {
  std::uint32_t m = replacement->length();
  for (std::uint32_t i = 0; i < m; ++i) {
    char16_t c = replacement->at(i);
    if (c == '$' && i + 1 < m) {
      char16_t d = replacement->at(i + 1);
      if (d == '$') {
        out.push_back('$');
        ++i;
        continue;
      }
      if (d == '&') {
        for (std::uint32_t j = 0; j < matched->length(); ++j) out.push_back(matched->at(j));
        ++i;
        continue;
      }
      if (d == '`') {
        for (std::uint32_t j = 0; j < position; ++j) out.push_back(str->at(j));
        ++i;
        continue;
      }
      if (d == '\'') {
        for (std::uint32_t j = position + matched->length(); j < str->length(); ++j)
          out.push_back(str->at(j));
        ++i;
        continue;
      }
    }
    out.push_back(c);
  }
}

Value replace(VM& vm, CallInfo& ci, bool all) {
  if (ci.this_value.is_nullish()) {
    vm.throw_type_error(std::string("String.prototype.") + (all ? "replaceAll" : "replace") +
                        " called on null or undefined");
  }
  if (all && is_regexp(vm, ci.arg(0))) {
    Value flags = vm.get(ci.arg(0).as_object(), PropertyKey::atom(vm.atoms().flags));
    if (flags.is_nullish())
      vm.throw_type_error("String.prototype.replaceAll: flags is null or undefined");
    String* f = vm.flatten(vm.to_string(flags));
    bool global = false;
    for (std::uint32_t i = 0; i < f->length(); ++i) global = global || f->at(i) == 'g';
    if (!global) {
      vm.throw_type_error("replaceAll must be called with a global RegExp");
    }
  }
  Value delegated;
  if (delegate(vm, ci, vm.intrinsics().symbol_replace, all ? "replaceAll" : "replace",
               &delegated)) {
    return delegated;
  }
  Rooted rs(vm, Value::string(this_string(vm, ci, all ? "replaceAll" : "replace")));
  Rooted rpat(vm, Value::string(arg_string(vm, ci.arg(0))));
  Rooted replacer(vm, ci.arg(1));
  bool functional = vm.is_callable(replacer.get());
  if (!functional) replacer.set(Value::string(arg_string(vm, replacer.get())));
  std::vector<std::uint32_t> positions;
  std::uint32_t plen = rpat.string()->length();
  std::int64_t pos = index_of(rs.string(), rpat.string(), 0);
  while (pos >= 0) {
    positions.push_back(static_cast<std::uint32_t>(pos));
    if (!all) break;
    std::uint32_t next = static_cast<std::uint32_t>(pos) + std::max<std::uint32_t>(plen, 1);
    if (next > rs.string()->length()) break;
    pos = index_of(rs.string(), rpat.string(), next);
  }
  if (positions.empty()) return rs.get();
  std::u16string out;
  std::uint32_t end_of_last = 0;
  for (std::uint32_t p : positions) {
    String* s = rs.string();
    for (std::uint32_t j = end_of_last; j < p; ++j) out.push_back(s->at(j));
    if (functional) {
      Value args[3] = {rpat.get(), Value::number(p), rs.get()};
      Value r = vm.call(replacer.get(), Value::undefined(), args);
      String* rstr = vm.flatten(vm.to_string(r));
      for (std::uint32_t j = 0; j < rstr->length(); ++j) out.push_back(rstr->at(j));
    } else {
      append_substitution(rpat.string(), rs.string(), p, replacer.get().as_string(), out);
    }
    end_of_last = p + plen;
  }
  String* s = rs.string();
  for (std::uint32_t j = end_of_last; j < s->length(); ++j) out.push_back(s->at(j));
  return Value::string(vm.new_string_utf16(out));
}

Value string_replace(VM& vm, CallInfo& ci) {
  return replace(vm, ci, false);
}
Value string_replace_all(VM& vm, CallInfo& ci) {
  return replace(vm, ci, true);
}

Value string_repeat(VM& vm, CallInfo& ci) {
  Rooted rs(vm, Value::string(this_string(vm, ci, "repeat")));
  double n = vm.to_integer_or_infinity(ci.arg(0));
  if (n < 0 || std::isinf(n))
    vm.throw_range_error("Invalid count value: " + util::number_to_string(n));
  String* s = rs.string();
  if (n == 0 || s->length() == 0) return Value::string(vm.atoms().empty);
  if (static_cast<double>(s->length()) * n > (1u << 29))
    vm.throw_range_error("Invalid string length");
  auto count = static_cast<std::uint32_t>(n);
  String* out = vm.alloc_flat_string(s->length() * count, s->is_one_byte());
  s = rs.string();
  std::size_t unit = s->is_one_byte() ? 1 : 2;
  auto* d = const_cast<std::uint8_t*>(out->chars8());
  for (std::uint32_t i = 0; i < count; ++i) {
    std::memcpy(d + static_cast<std::size_t>(i) * s->length() * unit, s->chars8(),
                s->length() * unit);
  }
  return Value::string(out);
}

Value pad(VM& vm, CallInfo& ci, bool at_start) {
  Rooted rs(vm, Value::string(this_string(vm, ci, at_start ? "padStart" : "padEnd")));
  double max_len = vm.to_integer_or_infinity(ci.arg(0));
  String* s = rs.string();
  if (max_len <= s->length()) return rs.get();
  Rooted filler(vm, ci.arg(1).is_undefined() ? Value::string(vm.single_char(' '))
                                             : Value::string(arg_string(vm, ci.arg(1))));
  if (filler.get().as_string()->length() == 0) return rs.get();
  if (max_len > (1u << 29)) vm.throw_range_error("Invalid string length");
  auto fill_len = static_cast<std::uint32_t>(max_len) - rs.string()->length();
  std::u16string f;
  String* fs = filler.get().as_string();
  while (f.size() < fill_len) {
    for (std::uint32_t i = 0; i < fs->length() && f.size() < fill_len; ++i) f.push_back(fs->at(i));
  }
  std::u16string out = rs.string()->to_u16();
  out = at_start ? f + out : out + f;
  return Value::string(vm.new_string_utf16(out));
}

Value string_pad_start(VM& vm, CallInfo& ci) {
  return pad(vm, ci, true);
}
Value string_pad_end(VM& vm, CallInfo& ci) {
  return pad(vm, ci, false);
}

Value string_concat(VM& vm, CallInfo& ci) {
  Rooted acc(vm, Value::string(this_string(vm, ci, "concat")));
  for (std::uint32_t i = 0; i < ci.argc; ++i) {
    String* s = vm.to_string(ci.args[i]);
    acc.set(Value::string(vm.concat(acc.string(), s)));
  }
  return acc.get();
}

// localeCompare (22.1.3.12) without Intl: the root collation (CLDR root,
// which is also what Node's default "en" locale uses for these strings),
// so "a" < "B" < "b" and canonically equivalent strings compare equal.
Value string_locale_compare(VM& vm, CallInfo& ci) {
  Rooted rs(vm, Value::string(this_string(vm, ci, "localeCompare")));
  String* other = arg_string(vm, ci.arg(0));
  if (vm.string_equals(rs.string(), other)) return Value::int32(0);
  return Value::int32(util::compare_root_collation(rs.string()->to_u16(), other->to_u16()));
}

// normalize (22.1.3.15). ASCII text is the same in every form.
Value string_normalize(VM& vm, CallInfo& ci) {
  Rooted rs(vm, Value::string(this_string(vm, ci, "normalize")));
  util::NormalizationForm form = util::NormalizationForm::kNFC;
  if (!ci.arg(0).is_undefined()) {
    String* f = arg_string(vm, ci.arg(0));
    if (equals_ascii(f, "NFC")) {
      form = util::NormalizationForm::kNFC;
    } else if (equals_ascii(f, "NFD")) {
      form = util::NormalizationForm::kNFD;
    } else if (equals_ascii(f, "NFKC")) {
      form = util::NormalizationForm::kNFKC;
    } else if (equals_ascii(f, "NFKD")) {
      form = util::NormalizationForm::kNFKD;
    } else {
      vm.throw_range_error("The normalization form should be one of NFC, NFD, NFKC, NFKD.");
    }
  }
  String* s = rs.string();
  if (is_ascii(s)) return rs.get();
  std::u16string out;
  if (util::normalize(s->to_u16(), form, out)) return rs.get();
  return Value::string(vm.new_string_utf16(out));
}

// isWellFormed (22.1.3.10): no lone surrogates.
Value string_is_well_formed(VM& vm, CallInfo& ci) {
  String* s = this_string(vm, ci, "isWellFormed");
  if (s->is_one_byte()) return Value::boolean(true);
  const char16_t* p = s->chars16();
  std::uint32_t n = s->length();
  for (std::uint32_t i = 0; i < n; ++i) {
    if (p[i] < 0xD800 || p[i] > 0xDFFF) continue;
    if (p[i] > 0xDBFF || i + 1 == n || p[i + 1] < 0xDC00 || p[i + 1] > 0xDFFF) {
      return Value::boolean(false);
    }
    ++i;
  }
  return Value::boolean(true);
}

// toWellFormed (22.1.3.31): lone surrogates become U+FFFD.
Value string_to_well_formed(VM& vm, CallInfo& ci) {
  String* s = this_string(vm, ci, "toWellFormed");
  if (s->is_one_byte()) return Value::string(s);
  std::u16string out(s->chars16(), s->length());
  bool changed = false;
  for (std::size_t i = 0; i < out.size(); ++i) {
    char16_t c = out[i];
    if (c < 0xD800 || c > 0xDFFF) continue;
    if (c <= 0xDBFF && i + 1 < out.size() && out[i + 1] >= 0xDC00 && out[i + 1] <= 0xDFFF) {
      ++i;
      continue;
    }
    out[i] = 0xFFFD;
    changed = true;
  }
  if (!changed) return Value::string(s);
  return Value::string(vm.new_string_utf16(out));
}

// The Annex B HTML methods (B.2.2.2-14), CreateHTML (B.2.2.2.1) each.
struct HtmlMethod {
  const char* name;
  const char* tag;
  const char* attribute;  // nullptr: the method takes no argument
};

constexpr HtmlMethod kHtmlMethods[] = {
    {"anchor", "a", "name"},      {"big", "big", nullptr},       {"blink", "blink", nullptr},
    {"bold", "b", nullptr},       {"fixed", "tt", nullptr},      {"fontcolor", "font", "color"},
    {"fontsize", "font", "size"}, {"italics", "i", nullptr},     {"link", "a", "href"},
    {"small", "small", nullptr},  {"strike", "strike", nullptr}, {"sub", "sub", nullptr},
    {"sup", "sup", nullptr},
};

void append_ascii(std::u16string& out, std::string_view s) {
  out.append(s.begin(), s.end());
}

Value create_html(VM& vm, CallInfo& ci, const HtmlMethod& m) {
  Rooted rs(vm, Value::string(this_string(vm, ci, m.name)));
  std::u16string out = u"<";
  append_ascii(out, m.tag);
  if (m.attribute != nullptr) {
    String* v = arg_string(vm, ci.arg(0));
    out.push_back(' ');
    append_ascii(out, m.attribute);
    out += u"=\"";
    for (std::uint32_t i = 0; i < v->length(); ++i) {
      char16_t c = v->at(i);
      if (c == '"') {
        out += u"&quot;";
      } else {
        out.push_back(c);
      }
    }
    out.push_back('"');
  }
  out.push_back('>');
  String* s = rs.string();
  for (std::uint32_t i = 0; i < s->length(); ++i) out.push_back(s->at(i));
  out += u"</";
  append_ascii(out, m.tag);
  out.push_back('>');
  return Value::string(vm.new_string_utf16(out));
}

template <std::size_t I>
Value string_html(VM& vm, CallInfo& ci) {
  return create_html(vm, ci, kHtmlMethods[I]);
}

template <std::size_t... I>
void install_html_methods(VM& vm, Object* proto, std::index_sequence<I...>) {
  (vm.define_native(proto, kHtmlMethods[I].name, string_html<I>,
                    kHtmlMethods[I].attribute != nullptr ? 1 : 0),
   ...);
}

Value string_iterator(VM& vm, CallInfo& ci) {
  return make_string_iterator(vm, Value::string(this_string(vm, ci, "[Symbol.iterator]")));
}

}  // namespace

void install_string(VM& vm, Object* global) {
  Intrinsics& in = vm.intrinsics();
  in.string_prototype = vm.new_object_of_class(ObjectClass::kString, in.object_prototype, 1);
  in.string_prototype->set_internal(Value::string(vm.atoms().empty));
  vm.define_own_property(in.string_prototype, PropertyKey::atom(vm.atoms().length), Value::int32(0),
                         0);
  NativeFunction* ctor =
      make_constructor(vm, global, "String", string_ctor, 1, in.string_prototype);
  vm.define_native(ctor, "fromCharCode", string_from_char_code, 1);
  vm.define_native(ctor, "fromCodePoint", string_from_code_point, 1);
  vm.define_native(ctor, "raw", string_raw, 1);
  struct M {
    const char* name;
    NativeFn fn;
    std::uint32_t length;
  };
  const M methods[] = {
      {"toString", string_to_string, 0},
      {"valueOf", string_value_of, 0},
      {"charAt", string_char_at, 1},
      {"charCodeAt", string_char_code_at, 1},
      {"codePointAt", string_code_point_at, 1},
      {"at", string_at, 1},
      {"indexOf", string_index_of, 1},
      {"lastIndexOf", string_last_index_of, 1},
      {"includes", string_includes, 1},
      {"startsWith", string_starts_with, 1},
      {"endsWith", string_ends_with, 1},
      {"slice", string_slice, 2},
      {"substring", string_substring, 2},
      {"substr", string_substr, 2},
      {"toUpperCase", string_to_upper, 0},
      {"toLowerCase", string_to_lower, 0},
      {"toLocaleUpperCase", string_to_locale_upper, 0},
      {"toLocaleLowerCase", string_to_locale_lower, 0},
      {"trim", string_trim, 0},
      {"split", string_split, 2},
      {"replace", string_replace, 2},
      {"replaceAll", string_replace_all, 2},
      {"repeat", string_repeat, 1},
      {"padStart", string_pad_start, 1},
      {"padEnd", string_pad_end, 1},
      {"concat", string_concat, 1},
      {"localeCompare", string_locale_compare, 1},
      {"normalize", string_normalize, 0},
      {"isWellFormed", string_is_well_formed, 0},
      {"toWellFormed", string_to_well_formed, 0},
  };
  for (const M& m : methods) vm.define_native(in.string_prototype, m.name, m.fn, m.length);
  // Annex B.2.2.15-16: trimLeft and trimRight are the same function objects
  // as trimStart and trimEnd.
  Rooted trim_start(
      vm, Value::object(vm.define_native(in.string_prototype, "trimStart", string_trim_start, 0)));
  Rooted trim_end(
      vm, Value::object(vm.define_native(in.string_prototype, "trimEnd", string_trim_end, 0)));
  vm.define_value(in.string_prototype, "trimLeft", trim_start.get());
  vm.define_value(in.string_prototype, "trimRight", trim_end.get());
  install_html_methods(vm, in.string_prototype,
                       std::make_index_sequence<std::size(kHtmlMethods)>());
  vm.define_native(in.string_prototype, PropertyKey::symbol(in.symbol_iterator),
                   "[Symbol.iterator]", string_iterator, 0);
}

}  // namespace kite::vm::builtins
