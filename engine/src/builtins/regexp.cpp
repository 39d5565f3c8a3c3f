// RegExp (ECMA-262 22.2): the constructor, RegExp.prototype with exec and
// the Symbol.match/matchAll/replace/search/split protocols, and
// %RegExpStringIteratorPrototype%. Patterns compile and match in
// engine/src/regexp/; this file owns objects, lastIndex and results.
//
// A RegExp object is ObjectClass::kRegExp with its source string in
// `internal` and the compiled program in extra()->regexp; its own
// `lastIndex` is the first property. Compiled programs are cached per VM by
// (source, flags), so a literal in a handler compiles once per worker.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

#include "builtins/builtins.h"
#include "objects/string_builder.h"
#include "regexp/regexp.h"

namespace kite::vm {

namespace {

struct CacheKey {
  std::u16string source;
  std::uint32_t flags;
  bool operator==(const CacheKey& o) const { return flags == o.flags && source == o.source; }
};
struct CacheKeyHash {
  std::size_t operator()(const CacheKey& k) const {
    return std::hash<std::u16string>()(k.source) * 31 + k.flags;
  }
};

// Per-VM state: the compile cache and the matcher's reusable stack.
struct RegExpRuntime {
  static constexpr std::size_t kCacheLimit = 512;
  std::unordered_map<CacheKey, std::shared_ptr<const regexp::Program>, CacheKeyHash> cache;
  regexp::MatchState state;
  std::vector<std::int32_t> captures;
  // Regular expression literals: their pattern and flags are constants of
  // the function, so the strings' addresses find the program without
  // hashing the text (the text is compared to rule out a reused address).
  struct Literal {
    String* pattern = nullptr;
    String* flags = nullptr;
    std::u16string text;  // the pattern's text, flags after a NUL
    std::shared_ptr<const regexp::Program> program;
  };
  std::array<Literal, 64> literals;
  // %RegExp.prototype% as installed: its shape and the slots of exec,
  // flags and the flag getters (original values in
  // Intrinsics::regexp_pristine, which keeps them alive).
  Shape* proto_shape = nullptr;
  std::vector<std::int32_t> proto_slots;
};

bool poll_interrupt(void* data) {
  auto* vm = static_cast<VM*>(data);
  return vm->interrupt_requested.load(std::memory_order_relaxed) != 0;
}

RegExpRuntime& runtime(VM& vm) {
  if (vm.regexp_runtime == nullptr) {
    auto rt = std::make_shared<RegExpRuntime>();
    rt->state.poll = poll_interrupt;
    rt->state.poll_data = &vm;
    vm.regexp_runtime = rt;
  }
  return *static_cast<RegExpRuntime*>(vm.regexp_runtime.get());
}

std::u16string to_u16(VM& vm, String* s) {
  return vm.flatten(s)->to_u16();
}

std::string flags_text(std::uint32_t flags) {
  std::string out;
  if (flags & regexp::flag::kHasIndices) out += 'd';
  if (flags & regexp::flag::kGlobal) out += 'g';
  if (flags & regexp::flag::kIgnoreCase) out += 'i';
  if (flags & regexp::flag::kMultiline) out += 'm';
  if (flags & regexp::flag::kDotAll) out += 's';
  if (flags & regexp::flag::kUnicode) out += 'u';
  if (flags & regexp::flag::kUnicodeSets) out += 'v';
  if (flags & regexp::flag::kSticky) out += 'y';
  return out;
}

[[noreturn]] void throw_pattern_error(VM& vm, const std::u16string& source,
                                      const std::u16string& flags, const std::string& error) {
  std::string message = error;
  const std::string prefix = "Invalid regular expression: ";
  if (message.compare(0, prefix.size(), prefix) == 0) message.erase(0, prefix.size());
  std::string text = prefix + "/";
  text += vm.new_string_utf16(source)->to_utf8();
  text += "/";
  text += vm.new_string_utf16(flags)->to_utf8();
  vm.throw_error(ErrorType::kSyntaxError, text + ": " + message);
}

std::shared_ptr<const regexp::Program> compile(VM& vm, const std::u16string& source,
                                               const std::u16string& flags_source) {
  std::uint32_t flags = 0;
  if (!regexp::parse_flags(flags_source, &flags)) {
    vm.throw_error(ErrorType::kSyntaxError, "Invalid flags supplied to RegExp constructor '" +
                                                vm.new_string_utf16(flags_source)->to_utf8() + "'");
  }
  RegExpRuntime& rt = runtime(vm);
  CacheKey key{source, flags};
  auto it = rt.cache.find(key);
  if (it != rt.cache.end()) return it->second;
  regexp::CompileResult r = regexp::compile(source, flags);
  if (r.program == nullptr) throw_pattern_error(vm, source, flags_source, r.error);
  if (rt.cache.size() >= RegExpRuntime::kCacheLimit) rt.cache.clear();
  rt.cache.emplace(std::move(key), r.program);
  return r.program;
}

const regexp::Program& program_of(Object* r) {
  return *r->extra()->regexp;
}

// RegExpAlloc: an object of class kRegExp with `lastIndex` as its first
// (writable, non-enumerable, non-configurable) property.
Object* regexp_alloc(VM& vm, Object* proto) {
  Object* o = vm.new_object_of_class(ObjectClass::kRegExp, proto, 1);
  Rooted ro(vm, Value::object(o));
  o->ensure_extra();
  vm.add_property(o, PropertyKey::atom(vm.atoms().lastIndex), Value::int32(0), attr::kWritable);
  return ro.object();
}

// RegExpInitialize with pattern and flags already strings.
void regexp_initialize(VM& vm, Object* o, String* pattern, String* flags) {
  Rooted ro(vm, Value::object(o));
  Rooted rp(vm, Value::string(pattern));
  std::shared_ptr<const regexp::Program> program =
      compile(vm, to_u16(vm, pattern), to_u16(vm, flags));
  o = ro.object();
  o->set_internal(rp.get());
  o->ensure_extra().regexp = std::move(program);
  vm.set(o, PropertyKey::atom(vm.atoms().lastIndex), Value::int32(0));
}

double to_length(VM& vm, Value v) {
  double d = vm.to_integer_or_infinity(v);
  if (d <= 0) return 0;
  return std::min(d, 9007199254740991.0);
}

Value get_last_index(VM& vm, Object* r) {
  return vm.get(r, PropertyKey::atom(vm.atoms().lastIndex));
}
void set_last_index(VM& vm, Object* r, Value v) {
  vm.set(r, PropertyKey::atom(vm.atoms().lastIndex), v);
}

Value number(double d) {
  if (d >= 0 && d <= 2147483647.0 && d == std::floor(d)) {
    return Value::int32(static_cast<std::int32_t>(d));
  }
  return Value::number(d);
}

// AdvanceStringIndex (22.2.7.3).
double advance_index(String* s, double index, bool unicode) {
  if (!unicode || index + 1 >= s->length()) return index + 1;
  auto i = static_cast<std::uint32_t>(index);
  char16_t c = s->at(i);
  if (c >= 0xD800 && c <= 0xDBFF) {
    char16_t d = s->at(i + 1);
    if (d >= 0xDC00 && d <= 0xDFFF) return index + 2;
  }
  return index + 1;
}

// Runs the program of `r` on flat `s` from `start`; fills rt.captures.
bool run(VM& vm, const regexp::Program& program, String* s, std::uint32_t start) {
  RegExpRuntime& rt = runtime(vm);
  rt.captures.assign(std::size_t{2} * regexp::capture_count(program), -1);
  regexp::Subject subject;
  subject.length = s->length();
  if (s->is_one_byte()) {
    subject.latin1 = s->chars8();
  } else {
    subject.utf16 = s->chars16();
  }
  switch (regexp::exec(program, subject, start, rt.captures.data(), rt.state)) {
    case regexp::Status::kMatch:
      return true;
    case regexp::Status::kNoMatch:
      return false;
    case regexp::Status::kInterrupted:
      vm.handle_interrupt();
      // A stale interrupt (another request's token): finish the match.
      return run(vm, program, s, start);
    case regexp::Status::kTooDeep:
      vm.throw_range_error("Maximum call stack size exceeded (regular expression backtracking)");
  }
  return false;
}

Value capture_value(VM& vm, String* s, std::int32_t a, std::int32_t b) {
  if (a < 0 || b < 0) return Value::undefined();
  return Value::string(
      vm.substring(s, static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b)));
}

// RegExpBuiltinExec (22.2.7.2): a match array or null.
Value builtin_exec(VM& vm, Object* r, String* str) {
  Rooted rr(vm, Value::object(r));
  Rooted rs(vm, Value::string(vm.flatten(str)));
  double last_index = to_length(vm, get_last_index(vm, r));
  const std::shared_ptr<const regexp::Program> keep = rr.object()->extra()->regexp;
  const regexp::Program& program = *keep;
  std::uint32_t flags = regexp::program_flags(program);
  bool global = (flags & regexp::flag::kGlobal) != 0;
  bool sticky = (flags & regexp::flag::kSticky) != 0;
  bool has_indices = (flags & regexp::flag::kHasIndices) != 0;
  if (!global && !sticky) last_index = 0;
  String* s = rs.string();
  if (last_index > s->length() || !run(vm, program, s, static_cast<std::uint32_t>(last_index))) {
    if (global || sticky) set_last_index(vm, rr.object(), Value::int32(0));
    return Value::null();
  }
  RegExpRuntime& rt = runtime(vm);
  std::vector<std::int32_t> caps = rt.captures;  // user code below may run the matcher again
  if (global || sticky) set_last_index(vm, rr.object(), Value::int32(caps[1]));
  std::uint32_t n = regexp::capture_count(program);
  Rooted a(vm, Value::object(vm.new_array(n)));
  for (std::size_t i = 0; i < n; ++i) {
    Value v = capture_value(vm, rs.string(), caps[2 * i], caps[2 * i + 1]);
    vm.array_push(a.object(), v);
  }
  vm.create_data_property(a.object(), PropertyKey::atom(vm.atoms().index), Value::int32(caps[0]));
  vm.create_data_property(a.object(), PropertyKey::atom(vm.atoms().input), rs.get());
  const auto& names = regexp::group_names(program);
  Rooted groups(vm, Value::undefined());
  if (!names.empty()) {
    groups.set(Value::object(vm.new_object_with_proto(nullptr)));
    for (const auto& [name, index] : names) {
      Rooted key(vm, Value::string(vm.atomize(vm.new_string_utf16(name))));
      Value v;
      vm.get_element(a.object(), index, &v);
      vm.create_data_property(groups.object(), PropertyKey::atom(key.get().as_string()), v);
    }
  }
  vm.create_data_property(a.object(), PropertyKey::atom(vm.atoms().groups), groups.get());
  if (has_indices) {
    Rooted indices(vm, Value::object(vm.new_array(n)));
    Rooted index_groups(vm, Value::undefined());
    for (std::size_t i = 0; i < n; ++i) {
      if (caps[2 * i] < 0) {
        vm.array_push(indices.object(), Value::undefined());
        continue;
      }
      Value pair[2] = {Value::int32(caps[2 * i]), Value::int32(caps[2 * i + 1])};
      vm.array_push(indices.object(), Value::object(vm.new_array_from(pair)));
    }
    if (!names.empty()) {
      index_groups.set(Value::object(vm.new_object_with_proto(nullptr)));
      for (const auto& [name, index] : names) {
        Rooted key(vm, Value::string(vm.atomize(vm.new_string_utf16(name))));
        Value v;
        vm.get_element(indices.object(), index, &v);
        vm.create_data_property(index_groups.object(), PropertyKey::atom(key.get().as_string()), v);
      }
    }
    vm.create_data_property(indices.object(), PropertyKey::atom(vm.atoms().groups),
                            index_groups.get());
    vm.create_data_property(a.object(), PropertyKey::atom(vm.atoms().indices), indices.get());
  }
  return a.get();
}

Object* require_object(VM& vm, Value v, const char* method) {
  if (!v.is_object()) {
    vm.throw_type_error(std::string(method) + " called on incompatible receiver " + vm.describe(v));
  }
  return v.as_object();
}

Object* require_regexp(VM& vm, Value v, const char* method) {
  if (!v.is_object() || v.as_object()->klass() != ObjectClass::kRegExp) {
    vm.throw_type_error(std::string(method) + " called on incompatible receiver " + vm.describe(v));
  }
  return v.as_object();
}

// RegExpExec (22.2.7.1).
Value regexp_exec(VM& vm, Object* r, String* s) {
  Rooted rr(vm, Value::object(r));
  Rooted rs(vm, Value::string(s));
  Value exec = vm.get(r, PropertyKey::atom(vm.atoms().exec));
  if (exec.is_object() && exec.as_object() == vm.intrinsics().regexp_exec &&
      rr.object()->klass() == ObjectClass::kRegExp) {
    return builtin_exec(vm, rr.object(), rs.string());
  }
  if (vm.is_callable(exec)) {
    Value arg = rs.get();
    Value result = vm.call(exec, rr.get(), std::span<const Value>(&arg, 1));
    if (!result.is_object() && !result.is_null()) {
      vm.throw_type_error("RegExp exec method returned something other than an Object or null");
    }
    return result;
  }
  require_regexp(vm, rr.get(), "RegExp.prototype.exec");
  return builtin_exec(vm, rr.object(), rs.string());
}

bool is_regexp(VM& vm, Value v) {
  if (!v.is_object()) return false;
  Rooted rv(vm, v);
  Value m = vm.get(v.as_object(), PropertyKey::symbol(vm.intrinsics().symbol_match));
  if (!m.is_undefined()) return VM::to_boolean(m);
  return rv.object()->klass() == ObjectClass::kRegExp;
}

Value regexp_constructor_value(VM& vm) {
  return vm.get(vm.intrinsics().regexp_prototype, PropertyKey::atom(vm.atoms().constructor));
}

bool contains(String* s, char16_t c) {
  for (std::uint32_t i = 0; i < s->length(); ++i) {
    if (s->at(i) == c) return true;
  }
  return false;
}

// ---- constructor ----

Value regexp_ctor(VM& vm, CallInfo& ci) {
  Rooted pattern(vm, ci.arg(0));
  Rooted flags(vm, ci.arg(1));
  bool pattern_is_regexp = is_regexp(vm, pattern.get());
  Rooted new_target(vm, ci.new_target);
  if (new_target.get().is_undefined()) {
    new_target.set(Value::object(ci.callee));
    if (pattern_is_regexp && flags.get().is_undefined()) {
      Value pc = vm.get(pattern.object(), PropertyKey::atom(vm.atoms().constructor));
      if (pc.is_object() && pc.as_object() == ci.callee) return pattern.get();
    }
  }
  Rooted p(vm, Value::undefined());
  Rooted f(vm, Value::undefined());
  if (pattern.get().is_object() && pattern.object()->klass() == ObjectClass::kRegExp) {
    p.set(pattern.object()->internal());
    if (flags.get().is_undefined()) {
      f.set(Value::string(
          vm.intern(flags_text(regexp::program_flags(program_of(pattern.object()))))));
    } else {
      f.set(flags.get());
    }
  } else if (pattern_is_regexp) {
    p.set(vm.get(pattern.object(), PropertyKey::atom(vm.atoms().source)));
    f.set(flags.get().is_undefined() ? vm.get(pattern.object(), PropertyKey::atom(vm.atoms().flags))
                                     : flags.get());
  } else {
    p.set(pattern.get());
    f.set(flags.get());
  }
  Object* proto = vm.intrinsics().regexp_prototype;
  Value pv = vm.get(new_target.object(), PropertyKey::atom(vm.atoms().prototype));
  if (pv.is_object()) proto = pv.as_object();
  Rooted o(vm, Value::object(regexp_alloc(vm, proto)));
  Rooted ps(vm, Value::string(p.get().is_undefined() ? vm.atoms().empty : vm.to_string(p.get())));
  Rooted fs(vm, Value::string(f.get().is_undefined() ? vm.atoms().empty : vm.to_string(f.get())));
  regexp_initialize(vm, o.object(), ps.string(), fs.string());
  return o.get();
}

Value species_getter(VM&, CallInfo& ci) {
  return ci.this_value;
}

// ---- prototype ----

Value proto_exec(VM& vm, CallInfo& ci) {
  Object* r = require_regexp(vm, ci.this_value, "RegExp.prototype.exec");
  Rooted rr(vm, Value::object(r));
  String* s = vm.to_string(ci.arg(0));
  return builtin_exec(vm, rr.object(), s);
}

Value proto_test(VM& vm, CallInfo& ci) {
  Object* r = require_object(vm, ci.this_value, "RegExp.prototype.test");
  Rooted rr(vm, Value::object(r));
  String* s = vm.to_string(ci.arg(0));
  return Value::boolean(!regexp_exec(vm, rr.object(), s).is_null());
}

Value proto_to_string(VM& vm, CallInfo& ci) {
  Object* r = require_object(vm, ci.this_value, "RegExp.prototype.toString");
  Rooted rr(vm, Value::object(r));
  Rooted source(vm, Value::string(vm.to_string(vm.get(r, PropertyKey::atom(vm.atoms().source)))));
  Rooted flags(
      vm, Value::string(vm.to_string(vm.get(rr.object(), PropertyKey::atom(vm.atoms().flags)))));
  StringBuilder b;
  b.append_char('/');
  b.append(vm.flatten(source.string()));
  b.append_char('/');
  b.append(vm.flatten(flags.string()));
  return Value::string(b.finish(vm));
}

// Annex B RegExp.prototype.compile.
Value proto_compile(VM& vm, CallInfo& ci) {
  Object* o = require_regexp(vm, ci.this_value, "RegExp.prototype.compile");
  Rooted ro(vm, Value::object(o));
  Rooted pattern(vm, ci.arg(0));
  Rooted flags(vm, ci.arg(1));
  Rooted p(vm, Value::undefined());
  Rooted f(vm, Value::undefined());
  if (pattern.get().is_object() && pattern.object()->klass() == ObjectClass::kRegExp) {
    if (!flags.get().is_undefined()) vm.throw_type_error("Invalid flags: the pattern is a RegExp");
    p.set(pattern.object()->internal());
    f.set(
        Value::string(vm.intern(flags_text(regexp::program_flags(program_of(pattern.object()))))));
  } else {
    p.set(pattern.get());
    f.set(flags.get());
  }
  Rooted ps(vm, Value::string(p.get().is_undefined() ? vm.atoms().empty : vm.to_string(p.get())));
  Rooted fs(vm, Value::string(f.get().is_undefined() ? vm.atoms().empty : vm.to_string(f.get())));
  regexp_initialize(vm, ro.object(), ps.string(), fs.string());
  return ro.get();
}

// The flag getters (22.2.6.*): undefined on %RegExp.prototype% itself.
template <std::uint32_t Flag>
Value flag_getter(VM& vm, CallInfo& ci) {
  if (ci.this_value.is_object()) {
    Object* o = ci.this_value.as_object();
    if (o->klass() == ObjectClass::kRegExp) {
      return Value::boolean((regexp::program_flags(program_of(o)) & Flag) != 0);
    }
    if (o == vm.intrinsics().regexp_prototype) return Value::undefined();
  }
  vm.throw_type_error("RegExp flag getter called on incompatible receiver " +
                      vm.describe(ci.this_value));
}

Value flags_getter(VM& vm, CallInfo& ci) {
  Object* r = require_object(vm, ci.this_value, "RegExp.prototype.flags getter");
  Rooted rr(vm, Value::object(r));
  const Atoms& a = vm.atoms();
  const std::pair<String*, char> flags[] = {
      {a.hasIndices, 'd'}, {a.global, 'g'},  {a.ignoreCase, 'i'},  {a.multiline, 'm'},
      {a.dotAll, 's'},     {a.unicode, 'u'}, {a.unicodeSets, 'v'}, {a.sticky, 'y'}};
  char out[9];
  std::size_t n = 0;
  for (const auto& [name, c] : flags) {
    if (VM::to_boolean(vm.get(rr.object(), PropertyKey::atom(name)))) out[n++] = c;
  }
  return Value::string(vm.new_string_ascii(std::string_view(out, n)));
}

// EscapeRegExpPattern (22.2.6.13.1): `/` and line terminators escaped.
Value source_getter(VM& vm, CallInfo& ci) {
  if (ci.this_value.is_object()) {
    Object* o = ci.this_value.as_object();
    if (o->klass() == ObjectClass::kRegExp) {
      String* src = vm.flatten(o->internal().as_string());
      if (src->length() == 0) return Value::string(vm.intern("(?:)"));
      StringBuilder b;
      bool in_class = false;
      bool changed = false;
      for (std::uint32_t i = 0; i < src->length(); ++i) {
        char16_t c = src->at(i);
        if (c == '\\' && i + 1 < src->length()) {
          b.append_char(c);
          b.append_char(src->at(++i));
          continue;
        }
        if (c == '[') in_class = true;
        if (c == ']') in_class = false;
        if (c == '/' && !in_class) {
          b.append_ascii("\\/");
          changed = true;
        } else if (c == '\n') {
          b.append_ascii("\\n");
          changed = true;
        } else if (c == '\r') {
          b.append_ascii("\\r");
          changed = true;
        } else if (c == 0x2028) {
          b.append_ascii("\\u2028");
          changed = true;
        } else if (c == 0x2029) {
          b.append_ascii("\\u2029");
          changed = true;
        } else {
          b.append_char(c);
        }
      }
      return changed ? Value::string(b.finish(vm)) : Value::string(src);
    }
    if (o == vm.intrinsics().regexp_prototype) return Value::string(vm.intern("(?:)"));
  }
  vm.throw_type_error("RegExp.prototype.source getter called on incompatible receiver " +
                      vm.describe(ci.this_value));
}

// RegExp.prototype[@@match] (22.2.6.8).
Value proto_match(VM& vm, CallInfo& ci) {
  Object* r = require_object(vm, ci.this_value, "RegExp.prototype[Symbol.match]");
  Rooted rx(vm, Value::object(r));
  Rooted s(vm, Value::string(vm.to_string(ci.arg(0))));
  Rooted flags(
      vm, Value::string(vm.to_string(vm.get(rx.object(), PropertyKey::atom(vm.atoms().flags)))));
  if (!contains(vm.flatten(flags.string()), 'g')) return regexp_exec(vm, rx.object(), s.string());
  bool full_unicode = contains(flags.string(), 'u') || contains(flags.string(), 'v');
  set_last_index(vm, rx.object(), Value::int32(0));
  Rooted a(vm, Value::object(vm.new_array()));
  for (;;) {
    Rooted result(vm, regexp_exec(vm, rx.object(), s.string()));
    if (result.get().is_null()) {
      return a.object()->array_length() == 0 ? Value::null() : a.get();
    }
    Rooted match(vm, Value::string(vm.to_string(vm.get(result.object(), PropertyKey::index(0)))));
    vm.array_push(a.object(), match.get());
    if (match.string()->length() == 0) {
      double this_index = to_length(vm, get_last_index(vm, rx.object()));
      set_last_index(vm, rx.object(),
                     number(advance_index(vm.flatten(s.string()), this_index, full_unicode)));
    }
  }
}

// RegExp.prototype[@@search] (22.2.6.12).
Value proto_search(VM& vm, CallInfo& ci) {
  Object* r = require_object(vm, ci.this_value, "RegExp.prototype[Symbol.search]");
  Rooted rx(vm, Value::object(r));
  Rooted s(vm, Value::string(vm.to_string(ci.arg(0))));
  Rooted previous(vm, get_last_index(vm, rx.object()));
  if (!vm.same_value(previous.get(), Value::int32(0))) {
    set_last_index(vm, rx.object(), Value::int32(0));
  }
  Rooted result(vm, regexp_exec(vm, rx.object(), s.string()));
  Value current = get_last_index(vm, rx.object());
  if (!vm.same_value(current, previous.get())) set_last_index(vm, rx.object(), previous.get());
  if (result.get().is_null()) return Value::int32(-1);
  return vm.get(result.object(), PropertyKey::atom(vm.atoms().index));
}

}  // namespace

namespace builtins {

// GetSubstitution (22.1.3.19.1): `replacement` with $$, $&, $`, $', $n, $nn
// and $<name> expanded. `captures` holds the n capture values (strings or
// undefined) after the match; `named` is undefined or an object.
void get_substitution(VM& vm, String* matched, String* str, std::uint32_t position,
                      std::span<const Value> captures, Value named, String* replacement,
                      StringBuilder& out) {
  Rooted rnamed(vm, named);
  Rooted rmatched(vm, Value::string(vm.flatten(matched)));
  Rooted rstr(vm, Value::string(vm.flatten(str)));
  Rooted rrep(vm, Value::string(vm.flatten(replacement)));
  const std::uint32_t m = static_cast<std::uint32_t>(captures.size());
  const std::uint32_t len = rrep.string()->length();
  auto rep = [&](std::uint32_t i) { return rrep.string()->at(i); };
  for (std::uint32_t i = 0; i < len; ++i) {
    char16_t c = rep(i);
    if (c != '$' || i + 1 >= len) {
      out.append_char(c);
      continue;
    }
    char16_t d = rep(i + 1);
    if (d == '$') {
      out.append_char('$');
      ++i;
    } else if (d == '&') {
      out.append(rmatched.string());
      ++i;
    } else if (d == '`') {
      String* s = rstr.string();
      out.append(vm.flatten(vm.substring(s, 0, std::min(position, s->length()))));
      ++i;
    } else if (d == '\'') {
      String* s = rstr.string();
      std::uint32_t tail = std::min(position + rmatched.string()->length(), s->length());
      out.append(vm.flatten(vm.substring(s, tail, s->length())));
      ++i;
    } else if (d >= '0' && d <= '9') {
      std::uint32_t digits = 1;
      std::uint32_t index = d - '0';
      if (i + 2 < len && rep(i + 2) >= '0' && rep(i + 2) <= '9') {
        std::uint32_t two = index * 10 + (rep(i + 2) - '0');
        if (two >= 1 && two <= m) {
          index = two;
          digits = 2;
        }
      }
      if (index < 1 || index > m) {
        out.append_char('$');
        continue;
      }
      Value v = captures[index - 1];
      if (!v.is_undefined()) out.append(vm.flatten(v.as_string()));
      i += digits;
    } else if (d == '<') {
      if (rnamed.get().is_undefined()) {
        out.append_char('$');
        continue;
      }
      std::uint32_t close = i + 2;
      while (close < len && rep(close) != '>') ++close;
      if (close >= len) {
        out.append_char('$');
        continue;
      }
      Rooted name(vm, Value::string(vm.substring(rrep.string(), i + 2, close)));
      Value v = vm.get(rnamed.object(), vm.to_property_key(name.get()));
      if (!v.is_undefined()) out.append(vm.flatten(vm.to_string(v)));
      i = close;
    } else {
      out.append_char('$');
    }
  }
}

}  // namespace builtins

namespace {

// Whether rx is a RegExp whose observable protocol is the built-in one: its
// only own property is lastIndex, its prototype is %RegExp.prototype% with
// exec, flags and every flag getter as installed. Then the built-ins may
// read flags from the program and skip the exec/result-object protocol.
bool pristine(VM& vm, Object* rx) {
  if (rx->klass() != ObjectClass::kRegExp) return false;
  Shape* shape = rx->shape();
  Object* proto = vm.intrinsics().regexp_prototype;
  if (shape->is_dictionary() || shape->property_count() != 1 || shape->proto() != proto) {
    return false;
  }
  RegExpRuntime& rt = runtime(vm);
  if (proto->shape() != rt.proto_shape || rt.proto_slots.empty()) return false;
  const Value* original = vm.intrinsics().regexp_pristine->elements();
  for (std::size_t i = 0; i < rt.proto_slots.size(); ++i) {
    if (proto->slot(static_cast<std::uint32_t>(rt.proto_slots[i])) != original[i]) {
      return false;
    }
  }
  return true;
}

// @@replace for a pristine RegExp (same observable steps: the matches are
// all found before any replacer runs, lastIndex ends as RegExpBuiltinExec
// leaves it), without building and re-reading a match array per match.
Value replace_fast(VM& vm, Rooted& rx, Rooted& s, Rooted& replace_value, bool functional) {
  const std::shared_ptr<const regexp::Program> keep = rx.object()->extra()->regexp;
  const regexp::Program& program = *keep;
  const std::uint32_t flags = regexp::program_flags(program);
  const bool global = (flags & regexp::flag::kGlobal) != 0;
  const bool sticky = (flags & regexp::flag::kSticky) != 0;
  const bool unicode = (flags & (regexp::flag::kUnicode | regexp::flag::kUnicodeSets)) != 0;
  const std::uint32_t ncap = regexp::capture_count(program);
  std::vector<std::int32_t> found;  // ncap pairs per match
  const std::uint32_t len = s.string()->length();
  if (global) {
    set_last_index(vm, rx.object(), Value::int32(0));
    double at = 0;
    for (;;) {
      if (at > len || !run(vm, program, s.string(), static_cast<std::uint32_t>(at))) break;
      const std::vector<std::int32_t>& caps = runtime(vm).captures;
      found.insert(found.end(), caps.begin(), caps.end());
      at = caps[1];
      if (caps[1] == caps[0]) at = advance_index(s.string(), at, unicode);
    }
    set_last_index(vm, rx.object(), Value::int32(0));
  } else {
    double last_index = sticky ? to_length(vm, get_last_index(vm, rx.object())) : 0;
    if (last_index <= len && run(vm, program, s.string(), static_cast<std::uint32_t>(last_index))) {
      const std::vector<std::int32_t>& caps = runtime(vm).captures;
      found.insert(found.end(), caps.begin(), caps.end());
      if (sticky) set_last_index(vm, rx.object(), Value::int32(caps[1]));
    } else if (sticky) {
      set_last_index(vm, rx.object(), Value::int32(0));
    }
  }
  if (found.empty()) return s.get();
  const auto& names = regexp::group_names(program);
  StringBuilder out;
  std::uint32_t next_position = 0;
  std::vector<Value> args;
  Rooted captures(vm, Value::object(vm.new_array(ncap)));
  for (std::size_t m = 0; m < found.size(); m += std::size_t{2} * ncap) {
    const std::int32_t* c = &found[m];
    const auto pos = static_cast<std::uint32_t>(c[0]);
    Rooted matched(vm, capture_value(vm, s.string(), c[0], c[1]));
    vm.set_elements_length(captures.object(), 0);
    for (std::size_t i = 1; i < ncap; ++i) {
      vm.array_push(captures.object(), capture_value(vm, s.string(), c[2 * i], c[2 * i + 1]));
    }
    Rooted groups(vm, Value::undefined());
    if (!names.empty()) {
      groups.set(Value::object(vm.new_object_with_proto(nullptr)));
      for (const auto& [name, index] : names) {
        Rooted key(vm, Value::string(vm.atomize(vm.new_string_utf16(name))));
        Value v = captures.object()->elements()[index - 1];
        vm.create_data_property(groups.object(), PropertyKey::atom(key.get().as_string()), v);
      }
    }
    Rooted replacement(vm, Value::undefined());
    if (functional) {
      args.clear();
      args.push_back(matched.get());
      for (std::uint32_t i = 0; i + 1 < ncap; ++i) args.push_back(captures.object()->elements()[i]);
      args.push_back(Value::int32(static_cast<std::int32_t>(pos)));
      args.push_back(s.get());
      if (!groups.get().is_undefined()) args.push_back(groups.get());
      replacement.set(Value::string(vm.to_string(
          vm.call(replace_value.get(), Value::undefined(), std::span<const Value>(args)))));
    } else {
      StringBuilder b;
      builtins::get_substitution(vm, matched.string(), s.string(), pos,
                                 std::span<const Value>(captures.object()->elements(), ncap - 1),
                                 groups.get(), replace_value.get().as_string(), b);
      replacement.set(Value::string(b.finish(vm)));
    }
    if (pos >= next_position) {
      out.append(vm.flatten(vm.substring(s.string(), next_position, pos)));
      out.append(vm.flatten(replacement.string()));
      next_position = static_cast<std::uint32_t>(c[1]);
    }
  }
  if (next_position < len) out.append(vm.flatten(vm.substring(s.string(), next_position, len)));
  return Value::string(out.finish(vm));
}

// RegExp.prototype[@@replace] (22.2.6.11).
Value proto_replace(VM& vm, CallInfo& ci) {
  Object* r = require_object(vm, ci.this_value, "RegExp.prototype[Symbol.replace]");
  Rooted rx(vm, Value::object(r));
  Rooted s(vm, Value::string(vm.flatten(vm.to_string(ci.arg(0)))));
  Rooted replace_value(vm, ci.arg(1));
  bool functional = vm.is_callable(replace_value.get());
  if (!functional) replace_value.set(Value::string(vm.to_string(replace_value.get())));
  if (pristine(vm, rx.object())) return replace_fast(vm, rx, s, replace_value, functional);
  Rooted flags(
      vm, Value::string(vm.to_string(vm.get(rx.object(), PropertyKey::atom(vm.atoms().flags)))));
  bool global = contains(vm.flatten(flags.string()), 'g');
  bool full_unicode = false;
  if (global) {
    full_unicode = contains(flags.string(), 'u') || contains(flags.string(), 'v');
    set_last_index(vm, rx.object(), Value::int32(0));
  }
  Rooted results(vm, Value::object(vm.new_array()));
  for (;;) {
    Rooted result(vm, regexp_exec(vm, rx.object(), s.string()));
    if (result.get().is_null()) break;
    vm.array_push(results.object(), result.get());
    if (!global) break;
    Rooted match(vm, Value::string(vm.to_string(vm.get(result.object(), PropertyKey::index(0)))));
    if (match.string()->length() == 0) {
      double this_index = to_length(vm, get_last_index(vm, rx.object()));
      set_last_index(vm, rx.object(), number(advance_index(s.string(), this_index, full_unicode)));
    }
  }
  StringBuilder out;
  std::uint32_t next_position = 0;
  const std::uint32_t count = results.object()->array_length();
  for (std::uint32_t k = 0; k < count; ++k) {
    Value rv;
    vm.get_element(results.object(), k, &rv);
    Rooted result(vm, rv);
    double n_captures =
        to_length(vm, vm.get(result.object(), PropertyKey::atom(vm.atoms().length)));
    n_captures = std::max(n_captures - 1, 0.0);
    Rooted matched(vm, Value::string(vm.to_string(vm.get(result.object(), PropertyKey::index(0)))));
    double position =
        vm.to_integer_or_infinity(vm.get(result.object(), PropertyKey::atom(vm.atoms().index)));
    position = std::clamp(position, 0.0, static_cast<double>(s.string()->length()));
    Rooted captures(vm, Value::object(vm.new_array()));
    for (double n = 1; n <= n_captures; ++n) {
      Value cap = vm.get(result.object(), PropertyKey::index(static_cast<std::uint32_t>(n)));
      if (!cap.is_undefined()) cap = Value::string(vm.to_string(cap));
      vm.array_push(captures.object(), cap);
    }
    Rooted named(vm, vm.get(result.object(), PropertyKey::atom(vm.atoms().groups)));
    Rooted replacement(vm, Value::undefined());
    auto pos = static_cast<std::uint32_t>(position);
    if (functional) {
      std::vector<Value> args;
      std::uint32_t nc = captures.object()->array_length();
      args.reserve(nc + 4);
      args.push_back(matched.get());
      for (std::uint32_t i = 0; i < nc; ++i) args.push_back(captures.object()->elements()[i]);
      args.push_back(Value::int32(static_cast<std::int32_t>(pos)));
      args.push_back(s.get());
      if (!named.get().is_undefined()) args.push_back(named.get());
      // `args` holds values rooted elsewhere (captures, matched, s, named).
      replacement.set(Value::string(vm.to_string(
          vm.call(replace_value.get(), Value::undefined(), std::span<const Value>(args)))));
    } else {
      if (!named.get().is_undefined()) named.set(Value::object(vm.to_object(named.get())));
      StringBuilder b;
      std::uint32_t nc = captures.object()->array_length();
      builtins::get_substitution(vm, matched.string(), s.string(), pos,
                                 std::span<const Value>(captures.object()->elements(), nc),
                                 named.get(), replace_value.get().as_string(), b);
      replacement.set(Value::string(b.finish(vm)));
    }
    if (pos >= next_position) {
      out.append(vm.flatten(vm.substring(s.string(), next_position, pos)));
      out.append(vm.flatten(replacement.string()));
      next_position = std::min(pos + matched.string()->length(), s.string()->length());
    }
  }
  if (next_position >= s.string()->length()) return Value::string(out.finish(vm));
  out.append(vm.flatten(vm.substring(s.string(), next_position, s.string()->length())));
  return Value::string(out.finish(vm));
}

// RegExp.prototype[@@split] (22.2.6.14).
Value proto_split(VM& vm, CallInfo& ci) {
  Object* r = require_object(vm, ci.this_value, "RegExp.prototype[Symbol.split]");
  Rooted rx(vm, Value::object(r));
  Rooted s(vm, Value::string(vm.flatten(vm.to_string(ci.arg(0)))));
  Rooted limit_arg(vm, ci.arg(1));
  Rooted c(vm, builtins::species_constructor(vm, rx.object(), regexp_constructor_value(vm)));
  Rooted flags(vm, Value::string(vm.flatten(
                       vm.to_string(vm.get(rx.object(), PropertyKey::atom(vm.atoms().flags))))));
  bool unicode = contains(flags.string(), 'u') || contains(flags.string(), 'v');
  Rooted new_flags(vm, flags.get());
  if (!contains(flags.string(), 'y')) {
    StringBuilder b;
    b.append(flags.string());
    b.append_char('y');
    new_flags.set(Value::string(b.finish(vm)));
  }
  Value ctor_args[2] = {rx.get(), new_flags.get()};
  Rooted splitter(vm, vm.construct(c.get(), ctor_args, c.get()));
  Rooted a(vm, Value::object(vm.new_array()));
  std::uint32_t lim = limit_arg.get().is_undefined()
                          ? 0xFFFFFFFFu
                          : static_cast<std::uint32_t>(static_cast<std::int64_t>(std::fmod(
                                std::trunc(vm.to_number(limit_arg.get())), 4294967296.0)));
  if (lim == 0) return a.get();
  const std::uint32_t size = s.string()->length();
  if (size == 0) {
    Value z = regexp_exec(vm, splitter.object(), s.string());
    if (!z.is_null()) return a.get();
    vm.array_push(a.object(), s.get());
    return a.get();
  }
  std::uint32_t p = 0;
  double q = p;
  while (q < size) {
    set_last_index(vm, splitter.object(), number(q));
    Rooted z(vm, regexp_exec(vm, splitter.object(), s.string()));
    if (z.get().is_null()) {
      q = advance_index(s.string(), q, unicode);
      continue;
    }
    double e =
        std::min(to_length(vm, get_last_index(vm, splitter.object())), static_cast<double>(size));
    if (e == p) {
      q = advance_index(s.string(), q, unicode);
      continue;
    }
    vm.array_push(a.object(),
                  Value::string(vm.substring(s.string(), p, static_cast<std::uint32_t>(q))));
    if (a.object()->array_length() == lim) return a.get();
    p = static_cast<std::uint32_t>(e);
    double n_captures = to_length(vm, vm.get(z.object(), PropertyKey::atom(vm.atoms().length)));
    n_captures = std::max(n_captures - 1, 0.0);
    for (double i = 1; i <= n_captures; ++i) {
      Value cap = vm.get(z.object(), PropertyKey::index(static_cast<std::uint32_t>(i)));
      vm.array_push(a.object(), cap);
      if (a.object()->array_length() == lim) return a.get();
    }
    q = p;
  }
  vm.array_push(a.object(), Value::string(vm.substring(s.string(), p, size)));
  return a.get();
}

// ---- RegExp String Iterator (22.2.9) ----
// internal = the matcher; elements [string, state bits: 1 global, 2 full
// unicode, 4 done].

Value proto_match_all(VM& vm, CallInfo& ci) {
  Object* r = require_object(vm, ci.this_value, "RegExp.prototype[Symbol.matchAll]");
  Rooted rx(vm, Value::object(r));
  Rooted s(vm, Value::string(vm.to_string(ci.arg(0))));
  Rooted c(vm, builtins::species_constructor(vm, rx.object(), regexp_constructor_value(vm)));
  Rooted flags(vm, Value::string(vm.flatten(
                       vm.to_string(vm.get(rx.object(), PropertyKey::atom(vm.atoms().flags))))));
  Value ctor_args[2] = {rx.get(), flags.get()};
  Rooted matcher(vm, vm.construct(c.get(), ctor_args, c.get()));
  double last_index = to_length(vm, get_last_index(vm, rx.object()));
  set_last_index(vm, matcher.object(), number(last_index));
  std::int32_t bits = 0;
  if (contains(flags.string(), 'g')) bits |= 1;
  if (contains(flags.string(), 'u') || contains(flags.string(), 'v')) bits |= 2;
  IteratorObject* it = vm.new_iterator_object(ObjectClass::kRegExpStringIterator,
                                              vm.intrinsics().regexp_string_iterator_prototype);
  it->state[0] = s.get();
  it->state[1] = Value::int32(bits);
  it->set_internal(matcher.get());
  return Value::object(it);
}

Value iter_result(VM& vm, Value value, bool done) {
  Rooted rv(vm, value);
  Object* o = vm.new_object();
  Rooted ro(vm, Value::object(o));
  vm.add_property(o, PropertyKey::atom(vm.atoms().value), rv.get(), attr::kDefault);
  vm.add_property(ro.object(), PropertyKey::atom(vm.atoms().done), Value::boolean(done),
                  attr::kDefault);
  return ro.get();
}

Value string_iterator_next(VM& vm, CallInfo& ci) {
  Object* it = builtins::this_object_of(vm, ci, ObjectClass::kRegExpStringIterator,
                                        "%RegExpStringIteratorPrototype%.next");
  Rooted ri(vm, Value::object(it));
  Value* state = static_cast<IteratorObject*>(it)->state;
  std::int32_t bits = state[1].as_int32();
  if (bits & 4) return iter_result(vm, Value::undefined(), true);
  Rooted rx(vm, it->internal());
  Rooted s(vm, state[0]);
  Rooted match(vm, regexp_exec(vm, rx.object(), s.string()));
  if (match.get().is_null()) {
    static_cast<IteratorObject*>(ri.object())->state[1] = Value::int32(bits | 4);
    return iter_result(vm, Value::undefined(), true);
  }
  if ((bits & 1) == 0) {
    static_cast<IteratorObject*>(ri.object())->state[1] = Value::int32(bits | 4);
    return iter_result(vm, match.get(), false);
  }
  String* m = vm.to_string(vm.get(match.object(), PropertyKey::index(0)));
  if (m->length() == 0) {
    double this_index = to_length(vm, get_last_index(vm, rx.object()));
    set_last_index(vm, rx.object(),
                   number(advance_index(vm.flatten(s.string()), this_index, (bits & 2) != 0)));
  }
  return iter_result(vm, match.get(), false);
}

// String.prototype.match / matchAll / search (22.1.3.13, .14, .23).
Value string_regexp_method(VM& vm, CallInfo& ci, Symbol* protocol, const char* method,
                           const char* create_flags) {
  if (ci.this_value.is_nullish()) {
    vm.throw_type_error(std::string("String.prototype.") + method + " called on null or undefined");
  }
  Rooted o(vm, ci.this_value);
  Rooted arg(vm, ci.arg(0));
  if (arg.get().is_object()) {
    Value fn = vm.get_method(arg.get(), PropertyKey::symbol(protocol));
    if (!fn.is_undefined()) {
      Value a = o.get();
      return vm.call(fn, arg.get(), std::span<const Value>(&a, 1));
    }
  }
  Rooted s(vm, Value::string(vm.to_string(o.get())));
  Rooted pattern(
      vm, Value::string(arg.get().is_undefined() ? vm.atoms().empty : vm.to_string(arg.get())));
  Rooted rx(vm, Value::object(vm.new_regexp(pattern.string(), vm.intern(create_flags))));
  Value fn = vm.get(rx.object(), PropertyKey::symbol(protocol));
  Value a = s.get();
  return vm.call(fn, rx.get(), std::span<const Value>(&a, 1));
}

Value string_match(VM& vm, CallInfo& ci) {
  return string_regexp_method(vm, ci, vm.intrinsics().symbol_match, "match", "");
}
Value string_search(VM& vm, CallInfo& ci) {
  return string_regexp_method(vm, ci, vm.intrinsics().symbol_search, "search", "");
}
Value string_match_all(VM& vm, CallInfo& ci) {
  if (ci.this_value.is_nullish()) {
    vm.throw_type_error("String.prototype.matchAll called on null or undefined");
  }
  Value arg = ci.arg(0);
  if (is_regexp(vm, arg)) {
    Value flags = vm.get(arg.as_object(), PropertyKey::atom(vm.atoms().flags));
    if (flags.is_nullish()) {
      vm.throw_type_error("String.prototype.matchAll: flags is null or undefined");
    }
    if (!contains(vm.flatten(vm.to_string(flags)), 'g')) {
      vm.throw_type_error("matchAll must be called with a global RegExp");
    }
  }
  return string_regexp_method(vm, ci, vm.intrinsics().symbol_match_all, "matchAll", "g");
}

}  // namespace

namespace {
bool same_text(const std::u16string& text, const String* pattern, const String* flags) {
  if (text.size() != pattern->length() + 1 + flags->length()) return false;
  std::size_t i = 0;
  for (std::uint32_t j = 0; j < pattern->length(); ++j) {
    if (text[i++] != pattern->at(j)) return false;
  }
  if (text[i++] != 0) return false;
  for (std::uint32_t j = 0; j < flags->length(); ++j) {
    if (text[i++] != flags->at(j)) return false;
  }
  return true;
}
}  // namespace

Object* VM::new_regexp(String* pattern, String* flags) {
  Rooted rp(*this, Value::string(pattern));
  Rooted rf(*this, Value::string(flags));
  RegExpRuntime& rt = runtime(*this);
  const std::size_t slot = ((reinterpret_cast<std::uintptr_t>(pattern) >> 4) ^
                            (reinterpret_cast<std::uintptr_t>(flags) >> 6)) %
                           rt.literals.size();
  RegExpRuntime::Literal& lit = rt.literals[slot];
  if (lit.pattern == pattern && lit.flags == flags && lit.program != nullptr &&
      same_text(lit.text, flatten(pattern), flatten(flags))) {
    Object* o = regexp_alloc(*this, intrinsics_.regexp_prototype);
    o->set_internal(rp.get());
    o->ensure_extra().regexp = lit.program;
    return o;
  }
  Rooted o(*this, Value::object(regexp_alloc(*this, intrinsics_.regexp_prototype)));
  regexp_initialize(*this, o.object(), rp.string(), rf.string());
  RegExpRuntime::Literal& fresh = runtime(*this).literals[slot];
  fresh.pattern = rp.string();
  fresh.flags = rf.string();
  fresh.program = o.object()->extra()->regexp;
  fresh.text = rp.string()->to_u16();
  fresh.text.push_back(0);
  fresh.text += rf.string()->to_u16();
  return o.object();
}

namespace builtins {

bool is_regexp(VM& vm, Value v) {
  return vm::is_regexp(vm, v);
}

void install_regexp(VM& vm, Object* global) {
  Intrinsics& in = vm.intrinsics();
  in.regexp_prototype = vm.new_object_with_proto(in.object_prototype);
  NativeFunction* ctor =
      make_constructor(vm, global, "RegExp", regexp_ctor, 2, in.regexp_prototype);
  Rooted rc(vm, Value::object(ctor));
  Object* proto = in.regexp_prototype;
  vm.define_getter(rc.object(), PropertyKey::symbol(in.symbol_species), "[Symbol.species]",
                   species_getter);
  in.regexp_exec = vm.define_native(proto, "exec", proto_exec, 1);
  vm.define_native(proto, "test", proto_test, 1);
  vm.define_native(proto, "toString", proto_to_string, 0);
  vm.define_native(proto, "compile", proto_compile, 2);
  vm.define_getter(proto, vm.key("dotAll"), "dotAll", flag_getter<regexp::flag::kDotAll>);
  vm.define_getter(proto, PropertyKey::atom(vm.atoms().flags), "flags", flags_getter);
  vm.define_getter(proto, vm.key("global"), "global", flag_getter<regexp::flag::kGlobal>);
  vm.define_getter(proto, vm.key("hasIndices"), "hasIndices",
                   flag_getter<regexp::flag::kHasIndices>);
  vm.define_getter(proto, vm.key("ignoreCase"), "ignoreCase",
                   flag_getter<regexp::flag::kIgnoreCase>);
  vm.define_getter(proto, vm.key("multiline"), "multiline", flag_getter<regexp::flag::kMultiline>);
  vm.define_getter(proto, PropertyKey::atom(vm.atoms().source), "source", source_getter);
  vm.define_getter(proto, vm.key("sticky"), "sticky", flag_getter<regexp::flag::kSticky>);
  vm.define_getter(proto, vm.key("unicode"), "unicode", flag_getter<regexp::flag::kUnicode>);
  vm.define_getter(proto, vm.key("unicodeSets"), "unicodeSets",
                   flag_getter<regexp::flag::kUnicodeSets>);
  vm.define_native(proto, PropertyKey::symbol(in.symbol_match), "[Symbol.match]", proto_match, 1);
  vm.define_native(proto, PropertyKey::symbol(in.symbol_match_all), "[Symbol.matchAll]",
                   proto_match_all, 1);
  vm.define_native(proto, PropertyKey::symbol(in.symbol_replace), "[Symbol.replace]", proto_replace,
                   2);
  vm.define_native(proto, PropertyKey::symbol(in.symbol_search), "[Symbol.search]", proto_search,
                   1);
  vm.define_native(proto, PropertyKey::symbol(in.symbol_split), "[Symbol.split]", proto_split, 2);

  in.regexp_string_iterator_prototype = vm.new_object_with_proto(in.iterator_prototype);
  Object* ip = in.regexp_string_iterator_prototype;
  vm.define_native(ip, "next", string_iterator_next, 0);
  vm.define_own_property(ip, PropertyKey::symbol(in.symbol_to_string_tag),
                         Value::string(vm.intern("RegExp String Iterator")), attr::kConfigurable);

  // The pristine record (see pristine()): taken after the prototype is complete.
  {
    Rooted rproto(vm, Value::object(in.regexp_prototype));
    const Atoms& a = vm.atoms();
    String* keys[] = {a.exec,   a.flags,   a.global,      a.ignoreCase, a.multiline,
                      a.dotAll, a.unicode, a.unicodeSets, a.sticky,     a.hasIndices};
    RegExpRuntime& rt = runtime(vm);
    Rooted originals(vm, Value::object(vm.new_array(10)));
    rt.proto_slots.clear();
    for (String* k : keys) {
      std::uint8_t attrs = 0;
      std::int32_t slot = rproto.object()->shape()->lookup(PropertyKey::atom(k), &attrs);
      if (slot < 0) {
        rt.proto_slots.clear();
        break;
      }
      rt.proto_slots.push_back(slot);
      vm.array_push(originals.object(), rproto.object()->slot(static_cast<std::uint32_t>(slot)));
    }
    in.regexp_pristine = originals.object();
    rt.proto_shape = rproto.object()->shape();
  }
  vm.define_native(in.string_prototype, "match", string_match, 1);
  vm.define_native(in.string_prototype, "matchAll", string_match_all, 1);
  vm.define_native(in.string_prototype, "search", string_search, 1);

  // get [Symbol.species]() { return this } on the other species constructors.
  for (const char* name : {"Array", "Map", "Set"}) {
    Value c = vm.get(global, vm.key(name));
    if (c.is_object()) {
      vm.define_getter(c.as_object(), PropertyKey::symbol(in.symbol_species), "[Symbol.species]",
                       species_getter);
    }
  }
}

}  // namespace builtins

}  // namespace kite::vm
