// console.log / console.error with Node's formatting (util.inspect with
// its default options: depth 2, compact 3, breakLength 80, 100 array items).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "builtins/builtins.h"
#include "objects/accessor_pair.h"
#include "objects/ordered_table.h"
#include "objects/property_map.h"
#include "objects/typed_array.h"
#include "util/numbers.h"

namespace kite::vm::builtins {

namespace {

constexpr int kDepth = 2;
constexpr int kCompact = 3;
constexpr std::size_t kBreakLength = 80;
constexpr std::uint32_t kMaxArrayLength = 100;

struct Ctx {
  VM& vm;
  std::vector<Object*> seen;
  std::vector<Object*> circular;  // objects that are referenced circularly, by ref index
  int indentation = 0;
  int current_depth = 0;
};

// Length in UTF-16 code units of a UTF-8 string (what JS's .length gives).
std::size_t js_length(const std::string& s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;
    n += c >= 0xF0 ? 2 : 1;
  }
  return n;
}

std::string quote_string(String* s) {
  std::string raw = s->to_utf8();
  char q = '\'';
  if (raw.find('\'') != std::string::npos) {
    if (raw.find('"') == std::string::npos) {
      q = '"';
    } else if (raw.find('`') == std::string::npos && raw.find("${") == std::string::npos) {
      q = '`';
    }
  }
  std::string out(1, q);
  for (unsigned char c : raw) {
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\v':
        out += "\\v";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        if (c == static_cast<unsigned char>(q)) {
          out += '\\';
          out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02X", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += q;
  return out;
}

bool is_identifier(const std::string& s) {
  if (s.empty()) return false;
  // Node quotes keys that do not match /^[a-zA-Z_][a-zA-Z_0-9]*$/.
  auto start = [](unsigned char c) { return std::isalpha(c) || c == '_'; };
  if (!start(static_cast<unsigned char>(s[0]))) return false;
  for (unsigned char c : s) {
    if (!std::isalnum(c) && c != '_') return false;
  }
  return true;
}

std::string format_value(Ctx& ctx, Value v, int recurse_times, bool typed_nested);

std::string format_number(double d) {
  if (d == 0 && std::signbit(d)) return "-0";
  std::string s;
  util::number_to_string(d, s);
  return s;
}

std::string format_primitive(Ctx& ctx, Value v, bool quote) {
  if (v.is_string()) return quote ? quote_string(v.as_string()) : v.as_string()->to_utf8();
  if (v.is_number()) return format_number(v.as_number());
  return ctx.vm.describe(v);
}

std::string function_base(Ctx& ctx, Object* o) {
  VM& vm = ctx.vm;
  std::string name = vm.describe_name(Value::object(o));
  Property p;
  bool has_name = vm.get_own_property(o, PropertyKey::atom(vm.atoms().name), &p) &&
                  p.value.is_string() && p.value.as_string()->length() > 0;
  if (o->klass() == ObjectClass::kFunction &&
      static_cast<JSFunction*>(o)->tmpl->has(FunctionTemplate::kClassConstructor)) {
    std::string out = "[class " + (has_name ? name : std::string("(anonymous)"));
    Object* parent = o->proto();
    if (parent != nullptr && parent != vm.intrinsics().function_prototype) {
      out += " extends " + vm.describe_name(Value::object(parent));
    }
    return out + "]";
  }
  return has_name ? "[Function: " + name + "]" : std::string("[Function (anonymous)]");
}

// The constructor name for the "Foo { ... }" prefix, or "" for plain objects.
std::string constructor_name(Ctx& ctx, Object* o, bool* null_proto) {
  VM& vm = ctx.vm;
  *null_proto = false;
  Object* p = o->proto();
  if (p == nullptr) {
    *null_proto = true;
    return "";
  }
  for (Object* q = p; q != nullptr; q = q->proto()) {
    Property prop;
    if (vm.get_own_property(q, PropertyKey::atom(vm.atoms().constructor), &prop) &&
        !(prop.attrs & attr::kAccessor) && prop.value.is_object()) {
      Property np;
      if (vm.get_own_property(prop.value.as_object(), PropertyKey::atom(vm.atoms().name), &np) &&
          np.value.is_string()) {
        return np.value.as_string()->to_utf8();
      }
    }
  }
  return "";
}

bool below_break_length(Ctx& ctx, const std::vector<std::string>& output, std::size_t start,
                        const std::string& base) {
  std::size_t total = output.size() + start;
  if (total + output.size() > kBreakLength) return false;
  for (const auto& s : output) {
    total += s.size();
    if (total > kBreakLength) return false;
  }
  (void)ctx;
  return base.empty() || base.find('\n') == std::string::npos;
}

std::vector<std::string> group_array_elements(Ctx& ctx, const std::vector<std::string>& output,
                                              Object* value, bool has_more) {
  std::size_t total_length = 0;
  std::size_t max_length = 0;
  std::size_t output_length = output.size();
  if (has_more) output_length--;
  const std::size_t separator_space = 2;
  std::vector<std::size_t> data_len(output_length);
  for (std::size_t i = 0; i < output_length; ++i) {
    std::size_t len = js_length(output[i]);
    data_len[i] = len;
    total_length += len + separator_space;
    if (max_length < len) max_length = len;
  }
  std::size_t actual_max = max_length + separator_space;
  if (actual_max * 3 + ctx.indentation < kBreakLength &&
      (static_cast<double>(total_length) / actual_max > 5 || max_length <= 6)) {
    double approx_char_heights = 2.5;
    double average_bias = std::sqrt(actual_max - static_cast<double>(total_length) / output.size());
    double biased_max = std::max(actual_max - 3 - average_bias, 1.0);
    double columns = std::min(
        {std::round(std::sqrt(approx_char_heights * biased_max * output_length) / biased_max),
         std::floor((kBreakLength - ctx.indentation) / static_cast<double>(actual_max)),
         static_cast<double>(kCompact * 4), 15.0});
    if (columns <= 1) return output;
    auto cols = static_cast<std::size_t>(columns);
    std::vector<std::size_t> max_line_length;
    for (std::size_t i = 0; i < cols; ++i) {
      std::size_t line_length = 0;
      for (std::size_t j = i; j < output_length; j += cols) {
        if (data_len[j] > line_length) line_length = data_len[j];
      }
      max_line_length.push_back(line_length + separator_space);
    }
    // Numbers are right-aligned: every element of a typed array is one.
    bool pad_start = true;
    for (std::uint32_t i = 0; i < output_length && value->klass() != ObjectClass::kTypedArray;
         ++i) {
      Value e = i < value->element_count() ? value->elements()[i] : Value::undefined();
      if (!e.is_number()) {
        pad_start = false;
        break;
      }
    }
    std::vector<std::string> tmp;
    for (std::size_t i = 0; i < output_length; i += cols) {
      std::size_t max = std::min(i + cols, output_length);
      std::string str;
      std::size_t j = i;
      for (; j < max - 1; ++j) {
        std::string cell = output[j] + ", ";
        std::size_t width = max_line_length[j - i];
        std::size_t len = data_len[j] + 2;
        std::string pad(width > len ? width - len : 0, ' ');
        str += pad_start ? pad + cell : cell + pad;
      }
      if (pad_start) {
        std::size_t width = max_line_length[j - i] - separator_space;
        std::string pad(width > data_len[j] ? width - data_len[j] : 0, ' ');
        str += pad + output[j];
      } else {
        str += output[j];
      }
      tmp.push_back(str);
    }
    if (has_more) tmp.push_back(output.back());
    return tmp;
  }
  return output;
}

std::string reduce_to_single_string(Ctx& ctx, std::vector<std::string> output,
                                    const std::string& base, const std::string& open,
                                    const std::string& close, bool is_array_type, int recurse_times,
                                    Object* value, bool has_more) {
  std::size_t entries = output.size();
  if (is_array_type && entries > 6) output = group_array_elements(ctx, output, value, has_more);
  if (ctx.current_depth - recurse_times < kCompact && entries == output.size()) {
    std::size_t start = output.size() + ctx.indentation + open.size() + base.size() + 10;
    if (below_break_length(ctx, output, start, base)) {
      std::string joined;
      for (std::size_t i = 0; i < output.size(); ++i) {
        if (i > 0) joined += ", ";
        joined += output[i];
      }
      if (joined.find('\n') == std::string::npos) {
        return (base.empty() ? "" : base + " ") + open + " " + joined + " " + close;
      }
    }
  }
  std::string indentation = "\n" + std::string(ctx.indentation, ' ');
  std::string out = (base.empty() ? "" : base + " ") + open + indentation + "  ";
  for (std::size_t i = 0; i < output.size(); ++i) {
    if (i > 0) out += "," + indentation + "  ";
    out += output[i];
  }
  out += indentation + close;
  return out;
}

std::string format_key(Ctx& ctx, PropertyKey k) {
  if (k.is_symbol()) return "[" + ctx.vm.describe(k.as_value()) + "]";
  std::string name = ctx.vm.key_to_value(k).as_string()->to_utf8();
  if (is_identifier(name)) return name;
  return quote_string(ctx.vm.key_to_value(k).as_string());
}

std::string format_property(Ctx& ctx, Object* o, PropertyKey k, int recurse_times,
                            bool array_like) {
  VM& vm = ctx.vm;
  Property p;
  vm.get_own_property(o, k, &p);
  std::string value;
  if (p.attrs & attr::kAccessor) {
    auto* pair = static_cast<AccessorPair*>(p.value.as_cell());
    if (!pair->getter.is_undefined()) {
      value = pair->setter.is_undefined() ? "[Getter]" : "[Getter/Setter]";
    } else {
      value = pair->setter.is_undefined() ? "undefined" : "[Setter]";
    }
  } else {
    ctx.indentation += 2;
    value = format_value(ctx, p.value, recurse_times, true);
    ctx.indentation -= 2;
  }
  if (array_like && k.is_index()) return value;
  return format_key(ctx, k) + ": " + value;
}

std::string format_raw(Ctx& ctx, Object* o, int recurse_times) {
  VM& vm = ctx.vm;
  std::vector<std::string> output;
  std::string base;
  std::string open = "{", close = "}";
  bool is_array_type = false;
  bool has_more = false;
  bool null_proto = false;
  std::string ctor = constructor_name(ctx, o, &null_proto);
  std::vector<PropertyKey> keys;
  vm.own_keys(o, keys, true, true);
  // Only enumerable own keys are shown.
  std::vector<PropertyKey> shown;
  for (PropertyKey k : keys) {
    Property p;
    if (vm.get_own_property(o, k, &p) && (p.attrs & attr::kEnumerable)) shown.push_back(k);
  }
  auto prefix = [&](const std::string& fallback, const std::string& size) {
    std::string name = null_proto ? "[" + fallback + size + ": null prototype]" : ctor;
    if (!null_proto && name != fallback) {
      name = (name.empty() ? fallback : name) + size + " [" + fallback + "]";
    } else if (!null_proto) {
      name += size;
    }
    return name;
  };
  ctx.seen.push_back(o);
  ctx.current_depth = recurse_times;
  if (o->is_array()) {
    is_array_type = true;
    open = "[";
    close = "]";
    std::uint32_t len = o->array_length();
    if (ctor != "Array" || null_proto) base = prefix("Array", "(" + std::to_string(len) + ")");
    std::uint32_t holes = 0;
    std::uint32_t shown_items = 0;
    for (std::uint32_t i = 0; i < len && shown_items < kMaxArrayLength; ++i) {
      Property p;
      if (!vm.get_own_property(o, PropertyKey::index(i), &p)) {
        ++holes;
        continue;
      }
      if (holes > 0) {
        output.push_back("<" + std::to_string(holes) + " empty item" + (holes > 1 ? "s" : "") +
                         ">");
        ++shown_items;
        holes = 0;
        if (shown_items >= kMaxArrayLength) break;
      }
      output.push_back(format_property(ctx, o, PropertyKey::index(i), recurse_times, true));
      ++shown_items;
    }
    if (holes > 0 && shown_items < kMaxArrayLength) {
      output.push_back("<" + std::to_string(holes) + " empty item" + (holes > 1 ? "s" : "") + ">");
    }
    if (len > kMaxArrayLength && shown_items >= kMaxArrayLength) {
      std::uint32_t remaining = len - kMaxArrayLength;
      output.push_back("... " + std::to_string(remaining) + " more item" +
                       (remaining > 1 ? "s" : ""));
      has_more = true;
    }
    for (PropertyKey k : shown) {
      if (k.is_index()) continue;
      output.push_back(format_property(ctx, o, k, recurse_times, false));
    }
  } else if (o->klass() == ObjectClass::kTypedArray) {
    // Uint8Array(3) [ 1, 2, 3 ]: the elements, then other own properties.
    is_array_type = true;
    open = "[";
    close = "]";
    auto* ta = static_cast<TypedArrayObject*>(o);
    std::uint32_t len = ta->live_length();
    std::string name = element_kind_name(ta->kind);
    base = prefix(name, "(" + std::to_string(len) + ")");
    std::uint32_t n = std::min<std::uint32_t>(len, kMaxArrayLength);
    for (std::uint32_t i = 0; i < n; ++i) {
      output.push_back(format_property(ctx, o, PropertyKey::index(i), recurse_times, true));
    }
    if (len > n) {
      output.push_back("... " + std::to_string(len - n) + " more item" + (len - n > 1 ? "s" : ""));
      has_more = true;
    }
    for (PropertyKey k : shown) {
      if (!k.is_index()) output.push_back(format_property(ctx, o, k, recurse_times, false));
    }
  } else if (o->klass() == ObjectClass::kArrayBuffer) {
    // ArrayBuffer { [Uint8Contents]: <00 01>, byteLength: 2 }, as Node shows it
    // (SharedArrayBuffer likewise).
    auto* ab = static_cast<ArrayBufferObject*>(o);
    base = prefix(ab->shared ? "SharedArrayBuffer" : "ArrayBuffer", "");
    std::string bytes = "[Uint8Contents]: <";
    static const char kHex[] = "0123456789abcdef";
    std::size_t n = std::min<std::size_t>(ab->byte_length, 100);
    for (std::size_t i = 0; i < n; ++i) {
      if (i > 0) bytes += ' ';
      bytes += kHex[ab->data[i] >> 4];
      bytes += kHex[ab->data[i] & 15];
    }
    if (ab->byte_length > n) {
      bytes += " ... " + std::to_string(ab->byte_length - n) + " more byte" +
               (ab->byte_length - n > 1 ? "s" : "");
    }
    output.push_back(bytes + ">");
    output.push_back("byteLength: " + std::to_string(ab->byte_length));
    for (PropertyKey k : shown) output.push_back(format_property(ctx, o, k, recurse_times, false));
  } else if (o->klass() == ObjectClass::kDataView) {
    auto* dv = static_cast<DataViewObject*>(o);
    base = prefix("DataView", "");
    output.push_back("byteLength: " + std::to_string(dv->byte_length));
    output.push_back("byteOffset: " + std::to_string(dv->byte_offset));
    output.push_back("buffer: " +
                     format_value(ctx, Value::object(dv->buffer), recurse_times, true));
    for (PropertyKey k : shown) output.push_back(format_property(ctx, o, k, recurse_times, false));
  } else if (o->klass() == ObjectClass::kMap || o->klass() == ObjectClass::kSet) {
    bool is_map = o->klass() == ObjectClass::kMap;
    OrderedTable* t = o->extra()->table;
    std::string size = "(" + std::to_string(t->size()) + ")";
    base = prefix(is_map ? "Map" : "Set", size);
    ctx.indentation += 2;
    for (const auto& e : t->entries()) {
      if (e.deleted) continue;
      std::string s = format_value(ctx, e.key, recurse_times, true);
      if (is_map) s += " => " + format_value(ctx, e.value, recurse_times, true);
      output.push_back(s);
    }
    ctx.indentation -= 2;
    for (PropertyKey k : shown) output.push_back(format_property(ctx, o, k, recurse_times, false));
  } else if (o->is_callable()) {
    base = function_base(ctx, o);
    for (PropertyKey k : shown) output.push_back(format_property(ctx, o, k, recurse_times, false));
    if (output.empty()) {
      ctx.seen.pop_back();
      return base;
    }
  } else if (o->klass() == ObjectClass::kDate) {
    base = date_inspect(o);
    for (PropertyKey k : shown) output.push_back(format_property(ctx, o, k, recurse_times, false));
    if (output.empty()) {
      ctx.seen.pop_back();
      return base;
    }
  } else if (o->klass() == ObjectClass::kRegExp) {
    Value source = vm.get(o, PropertyKey::atom(vm.atoms().source));
    Value flags = vm.get(o, PropertyKey::atom(vm.atoms().flags));
    base = "/" + vm.to_string(source)->to_utf8() + "/" + vm.to_string(flags)->to_utf8();
    for (PropertyKey k : shown) output.push_back(format_property(ctx, o, k, recurse_times, false));
    if (output.empty()) {
      ctx.seen.pop_back();
      return base;
    }
  } else if (o->klass() == ObjectClass::kError) {
    Value stack = vm.get(o, PropertyKey::atom(vm.atoms().stack));
    base = stack.is_string() ? stack.as_string()->to_utf8()
                             : vm.to_string(Value::object(o))->to_utf8();
    for (PropertyKey k : shown) output.push_back(format_property(ctx, o, k, recurse_times, false));
    if (output.empty()) {
      ctx.seen.pop_back();
      return ctx.indentation > 0 || recurse_times > 0 ? "[" + base + "]" : base;
    }
  } else if (o->klass() == ObjectClass::kNumber || o->klass() == ObjectClass::kString ||
             o->klass() == ObjectClass::kBoolean || o->klass() == ObjectClass::kSymbol) {
    const char* type = o->klass() == ObjectClass::kNumber    ? "Number"
                       : o->klass() == ObjectClass::kString  ? "String"
                       : o->klass() == ObjectClass::kBoolean ? "Boolean"
                                                             : "Symbol";
    base = std::string("[") + type + ": " + format_primitive(ctx, o->internal(), true) + "]";
    for (PropertyKey k : shown) {
      if (o->klass() == ObjectClass::kString && k.is_index()) continue;
      output.push_back(format_property(ctx, o, k, recurse_times, false));
    }
    if (output.empty()) {
      ctx.seen.pop_back();
      return base;
    }
  } else {
    if (o->klass() == ObjectClass::kArguments) {
      base = "[Arguments]";
      open = "[";
      close = "]";
      is_array_type = true;
      for (PropertyKey k : shown) output.push_back(format_property(ctx, o, k, recurse_times, true));
    } else {
      if (null_proto) {
        base = "[Object: null prototype]";
      } else if (ctor != "Object") {
        base = ctor.empty() ? "" : ctor;
      }
      Value tag = vm.get(o, PropertyKey::symbol(vm.intrinsics().symbol_to_string_tag));
      if (tag.is_string() && tag.as_string()->length() > 0) {
        std::string t = tag.as_string()->to_utf8();
        base = (base.empty() ? std::string("Object") : base) + " [" + t + "]";
      }
      for (PropertyKey k : shown)
        output.push_back(format_property(ctx, o, k, recurse_times, false));
    }
    if (output.empty()) {
      ctx.seen.pop_back();
      return (base.empty() ? "" : base + " ") + open + close;
    }
  }
  ctx.seen.pop_back();
  if (output.empty()) return (base.empty() ? "" : base + " ") + open + close;
  std::string res = reduce_to_single_string(ctx, output, base, open, close, is_array_type,
                                            recurse_times, o, has_more);
  return res;
}

std::string format_value(Ctx& ctx, Value v, int recurse_times, bool nested) {
  if (!v.is_object()) return format_primitive(ctx, v, nested);
  Object* o = v.as_object();
  for (std::size_t i = 0; i < ctx.seen.size(); ++i) {
    if (ctx.seen[i] == o) {
      auto it = std::find(ctx.circular.begin(), ctx.circular.end(), o);
      std::size_t idx;
      if (it == ctx.circular.end()) {
        ctx.circular.push_back(o);
        idx = ctx.circular.size();
      } else {
        idx = static_cast<std::size_t>(it - ctx.circular.begin()) + 1;
      }
      return "[Circular *" + std::to_string(idx) + "]";
    }
  }
  if (recurse_times > kDepth) {
    std::vector<PropertyKey> keys;
    ctx.vm.own_keys(o, keys);
    bool empty = keys.empty() || (o->is_array() && keys.size() == 1 && o->array_length() == 0);
    if (empty && o->klass() == ObjectClass::kPlain &&
        o->proto() == ctx.vm.intrinsics().object_prototype)
      return "{}";
    if (empty && o->is_array()) return "[]";
    if (o->is_array()) return "[Array]";
    bool null_proto;
    std::string ctor = constructor_name(ctx, o, &null_proto);
    if (o->is_callable()) return function_base(ctx, o);
    if (null_proto) return "[Object: null prototype]";
    return "[" + (ctor.empty() ? std::string("Object") : ctor) + "]";
  }
  std::string res = format_raw(ctx, o, recurse_times + 1);
  auto it = std::find(ctx.circular.begin(), ctx.circular.end(), o);
  if (it != ctx.circular.end()) {
    std::size_t idx = static_cast<std::size_t>(it - ctx.circular.begin()) + 1;
    res = "<ref *" + std::to_string(idx) + "> " + res;
  }
  return res;
}

std::string format_args(VM& vm, CallInfo& ci) {
  std::string out;
  std::uint32_t start = 0;
  if (ci.argc > 0 && ci.args[0].is_string()) {
    std::string f = ci.args[0].as_string()->to_utf8();
    std::uint32_t next = 1;
    std::string res;
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (f[i] == '%' && i + 1 < f.size()) {
        char c = f[i + 1];
        if (c == '%') {
          res += '%';
          ++i;
          continue;
        }
        if (next < ci.argc && (c == 's' || c == 'd' || c == 'i' || c == 'f' || c == 'j' ||
                               c == 'o' || c == 'O' || c == 'c')) {
          Value a = ci.args[next++];
          Ctx ctx{vm, {}, {}};
          switch (c) {
            case 's':
              res += a.is_string() ? a.as_string()->to_utf8()
                                   : (a.is_object() ? format_value(ctx, a, 1, true)
                                                    : format_primitive(ctx, a, false));
              break;
            case 'd':
            case 'i': {
              if (a.is_object()) {
                res += "NaN";
                break;
              }
              double d = vm.to_number(a);
              if (c == 'i') d = std::trunc(d);
              res += format_number(d);
              break;
            }
            case 'f':
              res += format_number(vm.to_number(a));
              break;
            case 'j': {
              std::string json;
              if (json_stringify(vm, a, json)) {
                res += json;
              } else {
                res += "undefined";
              }
              break;
            }
            case 'c':
              break;
            default:
              res += format_value(ctx, a, 0, true);
          }
          ++i;
          continue;
        }
      }
      res += f[i];
    }
    out = res;
    start = next;
    for (std::uint32_t i = start; i < ci.argc; ++i) {
      out += ' ';
      Ctx ctx{vm, {}, {}};
      out += format_value(ctx, ci.args[i], 0, false);
    }
    return out;
  }
  for (std::uint32_t i = 0; i < ci.argc; ++i) {
    if (i > 0) out += ' ';
    Ctx ctx{vm, {}, {}};
    out += format_value(ctx, ci.args[i], 0, false);
  }
  return out;
}

Value console_log(VM& vm, CallInfo& ci) {
  std::string s = format_args(vm, ci);
  s += '\n';
  vm.write_out(s);
  return Value::undefined();
}

Value console_error(VM& vm, CallInfo& ci) {
  std::string s = format_args(vm, ci);
  s += '\n';
  vm.write_err(s);
  return Value::undefined();
}

}  // namespace

std::string inspect(VM& vm, Value v) {
  Ctx ctx{vm, {}, {}};
  return format_value(ctx, v, 0, false);
}

void install_console(VM& vm, Object* global) {
  Object* console = vm.new_object();
  Rooted rc(vm, Value::object(console));
  vm.define_native(console, "log", console_log, 0);
  vm.define_native(rc.object(), "info", console_log, 0);
  vm.define_native(rc.object(), "debug", console_log, 0);
  vm.define_native(rc.object(), "error", console_error, 0);
  vm.define_native(rc.object(), "warn", console_error, 0);
  vm.define_value(global, "console", rc.get());
}

}  // namespace kite::vm::builtins
