// JSON.parse and JSON.stringify (ECMA-262 25.5). The parser is a single
// pass over the flat string's code units; the stringifier writes into a
// StringBuilder that stays one-byte when it can.
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "builtins/builtins.h"
#include "objects/property_map.h"
#include "objects/string_builder.h"
#include "util/numbers.h"
#include "util/unicode.h"

namespace kite::vm::builtins {

namespace {

// ---- parse ----

template <typename C>
class JsonParser {
 public:
  JsonParser(VM& vm, const C* p, std::uint32_t n) : vm_(vm), p_(p), n_(n) {}

  Value parse() {
    skip_ws();
    Value v = parse_value(0);
    skip_ws();
    if (i_ < n_) fail();
    return v;
  }

 private:
  [[noreturn]] void fail() {
    std::string msg;
    if (i_ >= n_) {
      msg = "Unexpected end of JSON input";
    } else {
      char16_t c = p_[i_];
      std::string tok;
      if (c < 0x80) {
        tok = std::string(1, static_cast<char>(c));
      } else {
        util::utf16_to_utf8(std::u16string_view(reinterpret_cast<const char16_t*>(&c), 1), tok);
      }
      msg = "Unexpected token '" + tok + "', " + context() + " is not valid JSON";
    }
    vm_.throw_error(ErrorType::kSyntaxError, msg);
  }

  std::string context() {
    std::u16string s;
    std::uint32_t start = i_ > 10 ? i_ - 10 : 0;
    std::uint32_t end = std::min(n_, i_ + 10);
    for (std::uint32_t k = start; k < end; ++k) s.push_back(static_cast<char16_t>(p_[k]));
    std::string out;
    util::utf16_to_utf8(s, out);
    if (start > 0) out = "..." + out;
    if (end < n_) out += "...";
    return "\"" + out + "\"";
  }

  void skip_ws() {
    while (i_ < n_) {
      C c = p_[i_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i_;
      } else {
        break;
      }
    }
  }

  void expect_word(const char* w) {
    for (const char* q = w; *q != '\0'; ++q) {
      if (i_ >= n_ || p_[i_] != static_cast<C>(*q)) fail();
      ++i_;
    }
  }

  Value parse_value(int depth) {
    if (depth > 5000) vm_.throw_range_error("Maximum call stack size exceeded");
    if (i_ >= n_) fail();
    C c = p_[i_];
    switch (c) {
      case '{':
        return parse_object(depth);
      case '[':
        return parse_array(depth);
      case '"':
        return Value::string(parse_string());
      case 't':
        expect_word("true");
        return Value::boolean(true);
      case 'f':
        expect_word("false");
        return Value::boolean(false);
      case 'n':
        expect_word("null");
        return Value::null();
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return parse_number();
        fail();
    }
  }

  Value parse_number() {
    std::uint32_t start = i_;
    bool neg = false;
    if (p_[i_] == '-') {
      neg = true;
      ++i_;
    }
    if (i_ >= n_) fail();
    if (p_[i_] == '0') {
      ++i_;
    } else if (p_[i_] >= '1' && p_[i_] <= '9') {
      while (i_ < n_ && p_[i_] >= '0' && p_[i_] <= '9') ++i_;
    } else {
      fail();
    }
    bool is_int = true;
    if (i_ < n_ && p_[i_] == '.') {
      is_int = false;
      ++i_;
      if (i_ >= n_ || p_[i_] < '0' || p_[i_] > '9') fail();
      while (i_ < n_ && p_[i_] >= '0' && p_[i_] <= '9') ++i_;
    }
    if (i_ < n_ && (p_[i_] == 'e' || p_[i_] == 'E')) {
      is_int = false;
      ++i_;
      if (i_ < n_ && (p_[i_] == '+' || p_[i_] == '-')) ++i_;
      if (i_ >= n_ || p_[i_] < '0' || p_[i_] > '9') fail();
      while (i_ < n_ && p_[i_] >= '0' && p_[i_] <= '9') ++i_;
    }
    std::uint32_t digits = i_ - start - (neg ? 1 : 0);
    if (is_int && digits <= 9) {
      std::int32_t v = 0;
      for (std::uint32_t k = start + (neg ? 1 : 0); k < i_; ++k) v = v * 10 + (p_[k] - '0');
      if (neg && v == 0) return Value::raw_double(-0.0);
      return Value::int32(neg ? -v : v);
    }
    std::string s;
    s.reserve(i_ - start);
    for (std::uint32_t k = start; k < i_; ++k) s.push_back(static_cast<char>(p_[k]));
    return Value::number(util::string_to_number(std::string_view(s)));
  }

  int hex(C c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  String* parse_string() {
    ++i_;  // opening quote
    std::uint32_t start = i_;
    // Fast path: no escapes.
    while (i_ < n_) {
      C c = p_[i_];
      if (c == '"') {
        String* s;
        if constexpr (sizeof(C) == 1) {
          s = vm_.new_string_latin1(reinterpret_cast<const std::uint8_t*>(p_ + start), i_ - start);
        } else {
          s = vm_.new_string_utf16(reinterpret_cast<const char16_t*>(p_ + start), i_ - start);
        }
        ++i_;
        return s;
      }
      if (c == '\\') break;
      if (c < 0x20) fail();
      ++i_;
    }
    std::u16string out;
    for (std::uint32_t k = start; k < i_; ++k) out.push_back(static_cast<char16_t>(p_[k]));
    while (i_ < n_) {
      C c = p_[i_];
      if (c == '"') {
        ++i_;
        return vm_.new_string_utf16(out);
      }
      if (c < 0x20) fail();
      if (c != '\\') {
        out.push_back(static_cast<char16_t>(c));
        ++i_;
        continue;
      }
      ++i_;
      if (i_ >= n_) fail();
      C e = p_[i_++];
      switch (e) {
        case '"':
          out.push_back('"');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case '/':
          out.push_back('/');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'u': {
          if (i_ + 4 > n_) {
            i_ = n_;
            fail();
          }
          int v = 0;
          for (int k = 0; k < 4; ++k) {
            int h = hex(p_[i_]);
            if (h < 0) fail();
            v = v * 16 + h;
            ++i_;
          }
          out.push_back(static_cast<char16_t>(v));
          break;
        }
        default:
          --i_;
          fail();
      }
    }
    fail();
  }

  // A member name (at its opening quote) as a property key. A plain
  // one-byte name that is already an atom (the keys of a payload parsed
  // again and again, js/httpHandlerHeavy) is found in the atom table
  // without making a string first.
  PropertyKey parse_key() {
    if constexpr (sizeof(C) == 1) {
      std::uint32_t start = i_ + 1;
      std::uint32_t end = start;
      while (end < n_ && p_[end] != '"' && p_[end] != '\\' && p_[end] >= 0x20) ++end;
      bool plain = end < n_ && p_[end] == '"' && end > start;
      if (plain && (p_[start] < '0' || p_[start] > '9')) {
        const std::uint8_t* chars = p_ + start;
        std::uint32_t n = end - start;
        if (String* atom = vm_.find_atom_latin1(chars, n, hash_chars(chars, n))) {
          i_ = end + 1;
          return PropertyKey::atom(atom);
        }
      }
    }
    return vm_.to_property_key(Value::string(parse_string()));
  }

  Value parse_array(int depth) {
    ++i_;
    Rooted arr(vm_, Value::object(vm_.new_array()));
    skip_ws();
    if (i_ < n_ && p_[i_] == ']') {
      ++i_;
      return arr.get();
    }
    for (;;) {
      skip_ws();
      Value v = parse_value(depth + 1);
      vm_.array_push(arr.object(), v);
      skip_ws();
      if (i_ >= n_) fail();
      if (p_[i_] == ',') {
        ++i_;
        continue;
      }
      if (p_[i_] == ']') {
        ++i_;
        return arr.get();
      }
      fail();
    }
  }

  Value parse_object(int depth) {
    ++i_;
    Rooted obj(vm_, Value::object(vm_.new_object()));
    skip_ws();
    if (i_ < n_ && p_[i_] == '}') {
      ++i_;
      return obj.get();
    }
    for (;;) {
      skip_ws();
      if (i_ >= n_ || p_[i_] != '"') fail();
      PropertyKey key = parse_key();
      Rooted rk(vm_, key.as_value());
      skip_ws();
      if (i_ >= n_ || p_[i_] != ':') fail();
      ++i_;
      skip_ws();
      Value v = parse_value(depth + 1);
      Object* o = obj.object();
      std::uint8_t attrs;
      if (!key.is_index() && !o->shape()->is_dictionary() && o->shape()->lookup(key, &attrs) < 0) {
        vm_.add_property(o, key, v, attr::kDefault);
      } else {
        vm_.create_data_property(o, key, v);
      }
      skip_ws();
      if (i_ >= n_) fail();
      if (p_[i_] == ',') {
        ++i_;
        continue;
      }
      if (p_[i_] == '}') {
        ++i_;
        return obj.get();
      }
      fail();
    }
  }

  VM& vm_;
  const C* p_;
  std::uint32_t n_;
  std::uint32_t i_ = 0;
};

// InternalizeJSONProperty (25.5.1.1)
Value internalize(VM& vm, Object* holder, PropertyKey key, Value reviver) {
  Rooted rh(vm, Value::object(holder));
  Rooted rr(vm, reviver);
  Rooted val(vm, vm.get(holder, key));
  if (val.get().is_object()) {
    Object* o = val.object();
    if (o->is_array()) {
      std::uint32_t len = o->array_length();
      for (std::uint32_t i = 0; i < len; ++i) {
        Value nv = internalize(vm, val.object(), PropertyKey::index(i), rr.get());
        if (nv.is_undefined()) {
          vm.delete_property(val.object(), PropertyKey::index(i));
        } else {
          vm.create_data_property(val.object(), PropertyKey::index(i), nv);
        }
      }
    } else {
      std::vector<PropertyKey> keys;
      vm.own_keys(o, keys);
      for (PropertyKey k : keys) {
        Property p;
        if (!vm.get_own_property(val.object(), k, &p) || !(p.attrs & attr::kEnumerable)) continue;
        Value nv = internalize(vm, val.object(), k, rr.get());
        if (nv.is_undefined()) {
          vm.delete_property(val.object(), k);
        } else {
          vm.create_data_property(val.object(), k, nv);
        }
      }
    }
  }
  Rooted kv(vm, vm.key_to_value(key));
  Value args[2] = {kv.get(), val.get()};
  return vm.call(rr.get(), rh.get(), args);
}

Value json_parse(VM& vm, CallInfo& ci) {
  String* s = vm.flatten(vm.to_string(ci.arg(0)));
  Rooted rs(vm, Value::string(s));
  Value result;
  if (s->is_one_byte()) {
    JsonParser<std::uint8_t> p(vm, s->chars8(), s->length());
    result = p.parse();
  } else {
    JsonParser<char16_t> p(vm, s->chars16(), s->length());
    result = p.parse();
  }
  if (vm.is_callable(ci.arg(1))) {
    Rooted rres(vm, result);
    Rooted root(vm, Value::object(vm.new_object()));
    vm.create_data_property(root.object(), PropertyKey::atom(vm.atoms().empty), rres.get());
    return internalize(vm, root.object(), PropertyKey::atom(vm.atoms().empty), ci.arg(1));
  }
  return result;
}

// ---- stringify ----

class Stringifier {
 public:
  Stringifier(VM& vm, Value replacer_fn, std::vector<PropertyKey>* allow, std::u16string gap)
      : vm_(vm),
        replacer_(vm, replacer_fn),
        allow_(allow),
        gap_(std::move(gap)),
        scratch_(std::exchange(vm.json_scratch(), VM::JsonScratch{})),
        out_(std::move(scratch_.out)) {}
  ~Stringifier() {
    scratch_.out = out_.take_buffer();
    scratch_.keys.clear();
    scratch_.stack.clear();
    vm_.json_scratch() = std::move(scratch_);
  }
  Stringifier(const Stringifier&) = delete;
  Stringifier& operator=(const Stringifier&) = delete;

  // Returns false when the top-level value serializes to undefined.
  bool run(Value v) {
    PropertyKey empty = PropertyKey::atom(vm_.atoms().empty);
    // The wrapper {"": value} (25.5.2.1 step 9) is observable only as a
    // replacer function's `this`.
    if (replacer_.get().is_undefined()) return serialize_property(nullptr, empty, v);
    Rooted rv(vm_, v);
    Rooted wrapper(vm_, Value::object(vm_.new_object()));
    vm_.create_data_property(wrapper.object(), empty, rv.get());
    return serialize_property(wrapper.object(), empty, rv.get());
  }

  StringBuilder& out() { return out_; }

 private:
  void quote(String* s) {
    s = vm_.flatten(s);
    out_.append_char('"');
    std::uint32_t n = s->length();
    if (s->is_one_byte()) {
      const std::uint8_t* p = s->chars8();
      std::uint32_t run = 0;
      for (std::uint32_t i = 0; i < n; ++i) {
        std::uint8_t c = p[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        if (i > run) append_latin1(p + run, i - run);
        escape(c);
        run = i + 1;
      }
      if (n > run) append_latin1(p + run, n - run);
    } else {
      for (std::uint32_t i = 0; i < n; ++i) {
        char16_t c = s->at(i);
        if (c >= 0xD800 && c <= 0xDFFF) {
          bool paired = false;
          if (c <= 0xDBFF && i + 1 < n) {
            char16_t d = s->at(i + 1);
            if (d >= 0xDC00 && d <= 0xDFFF) {
              out_.append_char(c);
              out_.append_char(d);
              ++i;
              paired = true;
            }
          }
          if (!paired) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out_.append_ascii(buf);
          }
          continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
          out_.append_char(c);
        } else {
          escape(c);
        }
      }
    }
    out_.append_char('"');
  }

  void append_latin1(const std::uint8_t* p, std::uint32_t n) {
    if (!out_.is_wide()) {
      out_.append_ascii(std::string_view(reinterpret_cast<const char*>(p), n));
    } else {
      for (std::uint32_t i = 0; i < n; ++i) out_.append_char(p[i]);
    }
  }

  void escape(char16_t c) {
    switch (c) {
      case '"':
        out_.append_ascii("\\\"");
        break;
      case '\\':
        out_.append_ascii("\\\\");
        break;
      case '\b':
        out_.append_ascii("\\b");
        break;
      case '\f':
        out_.append_ascii("\\f");
        break;
      case '\n':
        out_.append_ascii("\\n");
        break;
      case '\r':
        out_.append_ascii("\\r");
        break;
      case '\t':
        out_.append_ascii("\\t");
        break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out_.append_ascii(buf);
      }
    }
  }

  void newline_indent() {
    if (gap_.empty()) return;
    out_.append_char('\n');
    for (int d = 0; d < depth_; ++d) {
      for (char16_t c : gap_) out_.append_char(c);
    }
  }

  // SerializeJSONProperty (25.5.2.2). Returns false for "undefined".
  // `holder` is null for the top-level value when there is no replacer.
  bool serialize_property(Object* holder, PropertyKey key, Value value) {
    Rooted rh(vm_, holder != nullptr ? Value::object(holder) : Value::undefined());
    Rooted v(vm_, value);
    if (v.get().is_object() ||
        (v.get().is_heap() && !v.get().is_string() && !v.get().is_symbol())) {
      Value to_json = vm_.get_value(v.get(), PropertyKey::atom(vm_.atoms().toJSON));
      if (vm_.is_callable(to_json)) {
        Rooted kv(vm_, vm_.key_to_value(key));
        Value arg = kv.get();
        v.set(vm_.call(to_json, v.get(), std::span<const Value>(&arg, 1)));
      }
    }
    if (!replacer_.get().is_undefined()) {
      Rooted kv(vm_, vm_.key_to_value(key));
      Value args[2] = {kv.get(), v.get()};
      v.set(vm_.call(replacer_.get(), rh.get(), args));
    }
    Value x = v.get();
    if (x.is_object()) {
      switch (x.as_object()->klass()) {
        case ObjectClass::kNumber:
          x = Value::number(vm_.to_number(x));
          break;
        case ObjectClass::kString:
          x = Value::string(vm_.to_string(x));
          break;
        case ObjectClass::kBoolean:
        case ObjectClass::kBigIntObject:
          x = x.as_object()->internal();
          break;
        default:
          break;
      }
    }
    if (x.is_bigint()) vm_.throw_type_error("Do not know how to serialize a BigInt");
    if (x.is_null()) {
      out_.append_ascii("null");
      return true;
    }
    if (x.is_boolean()) {
      out_.append_ascii(x.is_true() ? "true" : "false");
      return true;
    }
    if (x.is_string()) {
      quote(x.as_string());
      return true;
    }
    if (x.is_int32()) {
      char buf[16];
      auto r = std::to_chars(buf, buf + sizeof buf, x.as_int32());
      out_.append_ascii(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
      return true;
    }
    if (x.is_number()) {
      double d = x.as_double();
      if (!std::isfinite(d)) {
        out_.append_ascii("null");
      } else {
        std::string s;
        util::number_to_string(d, s);
        out_.append_ascii(s);
      }
      return true;
    }
    if (x.is_object() && !x.as_object()->is_callable()) {
      Rooted rx(vm_, x);
      if (x.as_object()->is_array() || (x.as_object()->is_proxy() && vm_.is_array(x))) {
        serialize_array(rx.object());
      } else {
        serialize_object(rx.object());
      }
      return true;
    }
    return false;
  }

  void enter(Object* o) {
    std::vector<Object*>& stack = scratch_.stack;
    for (Object* s : stack) {
      if (s == o) {
        vm_.throw_type_error(
            "Converting circular structure to JSON\n    --> starting at object with constructor '" +
            ctor_name(o) + "'\n    --- property closes the circle");
      }
    }
    if (stack.size() > 5000) vm_.throw_range_error("Maximum call stack size exceeded");
    stack.push_back(o);
  }

  std::string ctor_name(Object* o) {
    Value c = vm_.get(o, PropertyKey::atom(vm_.atoms().constructor));
    if (c.is_object()) return vm_.describe_name(c);
    return "Object";
  }

  void serialize_object(Object* o) {
    enter(o);
    Rooted ro(vm_, Value::object(o));
    ++depth_;
    out_.append_char('{');
    bool any = false;
    // This object's keys go on the shared list after those of the objects
    // enclosing it, and come off again at the end.
    std::vector<PropertyKey>& keys = scratch_.keys;
    std::size_t first = keys.size();
    if (allow_ != nullptr) {
      keys.insert(keys.end(), allow_->begin(), allow_->end());
    } else {
      vm_.own_keys(o, keys);
    }
    std::size_t last = keys.size();
    for (std::size_t i = first; i < last; ++i) {
      PropertyKey k = keys[i];
      Object* cur = ro.object();
      Property p;
      if (allow_ == nullptr &&
          (!vm_.get_own_property(cur, k, &p) || !(p.attrs & attr::kEnumerable))) {
        continue;
      }
      Value v;
      if (allow_ == nullptr && !(p.attrs & attr::kAccessor)) {
        v = p.value;
      } else {
        v = vm_.get(cur, k);
      }
      std::size_t mark = out_.size();
      if (any) out_.append_char(',');
      newline_indent();
      Rooted kv(vm_, vm_.key_to_value(k));
      quote(kv.get().as_string());
      out_.append_char(':');
      if (!gap_.empty()) out_.append_char(' ');
      if (serialize_property(ro.object(), k, v)) {
        any = true;
      } else {
        out_.truncate(mark);
      }
    }
    keys.resize(first);
    --depth_;
    if (any) newline_indent();
    out_.append_char('}');
    scratch_.stack.pop_back();
  }

  void serialize_array(Object* a) {
    enter(a);
    Rooted ra(vm_, Value::object(a));
    ++depth_;
    out_.append_char('[');
    std::uint32_t len = a->is_array()
                            ? a->array_length()
                            : vm_.to_length_u32(vm_.get(a, PropertyKey::atom(vm_.atoms().length)));
    for (std::uint32_t i = 0; i < len; ++i) {
      if (i > 0) out_.append_char(',');
      newline_indent();
      Value v = vm_.get(ra.object(), PropertyKey::index(i));
      if (!serialize_property(ra.object(), PropertyKey::index(i), v)) out_.append_ascii("null");
    }
    --depth_;
    if (len > 0) newline_indent();
    out_.append_char(']');
    scratch_.stack.pop_back();
  }

  VM& vm_;
  Rooted replacer_;
  std::vector<PropertyKey>* allow_;
  std::u16string gap_;
  VM::JsonScratch scratch_;  // taken from the VM, given back by the destructor
  StringBuilder out_;
  int depth_ = 0;
};

Value json_stringify_fn(VM& vm, CallInfo& ci) {
  Value replacer = ci.arg(1);
  Rooted rrep(vm, Value::undefined());
  std::vector<PropertyKey> allow;
  bool use_allow = false;
  if (vm.is_callable(replacer)) {
    rrep.set(replacer);
  } else if (vm.is_array(replacer)) {
    use_allow = true;
    Rooted ra(vm, replacer);
    std::uint32_t len = replacer.as_object()->array_length();
    for (std::uint32_t i = 0; i < len; ++i) {
      Value e = vm.get(ra.object(), PropertyKey::index(i));
      Value item = Value::undefined();
      if (e.is_string() || e.is_number()) {
        item = Value::string(vm.to_string(e));
      } else if (e.is_object() && (e.as_object()->klass() == ObjectClass::kString ||
                                   e.as_object()->klass() == ObjectClass::kNumber)) {
        item = Value::string(vm.to_string(e));
      }
      if (item.is_undefined()) continue;
      PropertyKey k = vm.to_property_key(item);
      bool dup = false;
      for (PropertyKey a : allow) dup |= a == k;
      if (!dup) allow.push_back(k);
      vm.persistent_roots().push_back(k.as_value());
    }
  }
  Value space = ci.arg(2);
  if (space.is_object()) {
    if (space.as_object()->klass() == ObjectClass::kNumber) {
      space = Value::number(vm.to_number(space));
    } else if (space.as_object()->klass() == ObjectClass::kString) {
      space = Value::string(vm.to_string(space));
    }
  }
  std::u16string gap;
  if (space.is_number()) {
    double n = std::min(10.0, vm.to_integer_or_infinity(space));
    for (int i = 0; i < n; ++i) gap.push_back(' ');
  } else if (space.is_string()) {
    String* s = vm.flatten(space.as_string());
    for (std::uint32_t i = 0; i < s->length() && i < 10; ++i) gap.push_back(s->at(i));
  }
  std::size_t persistent_mark = vm.persistent_roots().size() - (use_allow ? allow.size() : 0);
  Stringifier st(vm, rrep.get(), use_allow ? &allow : nullptr, gap);
  bool ok;
  try {
    ok = st.run(ci.arg(0));
  } catch (...) {
    vm.persistent_roots().resize(persistent_mark);
    throw;
  }
  vm.persistent_roots().resize(persistent_mark);
  if (!ok) return Value::undefined();
  return Value::string(st.out().finish(vm));
}

}  // namespace

bool json_stringify(VM& vm, Value v, std::string& out) {
  Stringifier st(vm, Value::undefined(), nullptr, std::u16string());
  if (!st.run(v)) return false;
  if (st.out().is_wide()) {
    util::utf16_to_utf8(st.out().units(), out);
  } else {
    util::latin1_to_utf8(reinterpret_cast<const std::uint8_t*>(st.out().bytes().data()),
                         st.out().bytes().size(), out);
  }
  return true;
}

void install_json(VM& vm, Object* global) {
  Object* json = vm.new_object();
  Rooted rj(vm, Value::object(json));
  vm.define_value(global, "JSON", rj.get());
  vm.define_native(rj.object(), "parse", json_parse, 2);
  vm.define_native(rj.object(), "stringify", json_stringify_fn, 3);
  vm.define_own_property(rj.object(), PropertyKey::symbol(vm.intrinsics().symbol_to_string_tag),
                         Value::string(vm.intern("JSON")), attr::kConfigurable);
}

}  // namespace kite::vm::builtins
