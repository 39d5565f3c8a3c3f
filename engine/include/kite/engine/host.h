// kite::Host — the embedding interface: how a host program (the runtime's
// Request/Response binding, the native benches, a test) gives JavaScript
// host objects and native functions, calls into script and reads results,
// without seeing engine internals.
//
// Ownership: an Engine owns its Host (Engine::host()); both live on the
// Engine's thread and are not thread-safe (Engine::request_interrupt is the
// one exception, see engine.h).
//
// Values: a JsValue is one JavaScript value (a 64-bit word, copied freely).
// It is NOT a GC root: a JsValue held across any Host call that may
// allocate (most of them) must live in a HostRoot, or be kept by persist().
// Values the engine hands to a native function (this, arguments, data) are
// rooted for the duration of the call.
//
// Errors: a Host call that may run script code or throw a JavaScript error
// is marked "throws": it throws a C++ ScriptThrow (engine.h) with the
// JavaScript exception pending in the engine. Inside a native function, let
// it propagate (the script sees the exception). Outside, catch ScriptThrow
// and call take_exception(), which describes and clears it, and says
// whether it was an interrupt (Engine::request_interrupt) rather than a
// JavaScript throw.
#pragma once

#include <kite/engine/engine.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kite {

namespace vm {
class VM;
}

class JsValue {
 public:
  constexpr JsValue() = default;  // undefined
  static constexpr JsValue undefined() { return JsValue(); }
  static constexpr JsValue null() { return from_bits(kNull); }
  static constexpr JsValue boolean(bool b) { return from_bits(b ? kTrue : kFalse); }
  static constexpr JsValue int32(std::int32_t i) {
    return from_bits(kTagInt | static_cast<std::uint32_t>(i));
  }

  bool is_undefined() const { return bits_ == kUndefined; }
  bool is_null() const { return bits_ == kNull; }
  bool is_boolean() const { return (bits_ | 1) == kTrue; }
  bool is_int32() const { return (bits_ & kTagMask) == kTagInt; }
  bool is_number() const { return bits_ < kTagSpecial; }
  bool is_object() const { return (bits_ & kTagMask) == kTagObject; }
  bool is_string() const { return (bits_ & kTagMask) == kTagString; }

  std::int32_t as_int32() const { return static_cast<std::int32_t>(bits_); }
  bool as_boolean() const { return bits_ == kTrue; }

  friend bool operator==(JsValue a, JsValue b) { return a.bits_ == b.bits_; }
  friend bool operator!=(JsValue a, JsValue b) { return a.bits_ != b.bits_; }

  // The engine's encoding of the value (for the engine's own use).
  constexpr std::uint64_t bits() const { return bits_; }
  static constexpr JsValue from_bits(std::uint64_t bits) {
    JsValue v;
    v.bits_ = bits;
    return v;
  }

  // The tags of the engine's NaN-boxing that the inline predicates above
  // need; engine/src/objects/value.h is the whole encoding, and host.cpp
  // checks that the two agree.
  static constexpr std::uint64_t kTagMask = 0xFFFF'0000'0000'0000ull;
  static constexpr std::uint64_t kTagInt = 0xFFF9'0000'0000'0000ull;
  static constexpr std::uint64_t kTagSpecial = 0xFFFA'0000'0000'0000ull;
  static constexpr std::uint64_t kTagObject = 0xFFFC'0000'0000'0000ull;
  static constexpr std::uint64_t kTagString = 0xFFFD'0000'0000'0000ull;
  static constexpr std::uint64_t kUndefined = kTagSpecial | 0;
  static constexpr std::uint64_t kNull = kTagSpecial | 1;
  static constexpr std::uint64_t kFalse = kTagSpecial | 2;
  static constexpr std::uint64_t kTrue = kTagSpecial | 3;

 private:
  friend class HostRoot;
  std::uint64_t bits_ = kUndefined;
};

class Host;

// Keeps one JsValue alive across allocations. Strictly LIFO (a local
// variable), like the engine's own roots.
class HostRoot {
 public:
  HostRoot(Host& host, JsValue v = {});
  ~HostRoot();
  HostRoot(const HostRoot&) = delete;
  HostRoot& operator=(const HostRoot&) = delete;
  JsValue get() const { return value_; }
  void set(JsValue v) { value_ = v; }
  operator JsValue() const { return value_; }  // NOLINT(google-explicit-constructor)

 private:
  Host& host_;
  JsValue value_;
};

// A property name made once (an interned string the engine keeps alive as
// long as the Host lives), for fast repeated gets and sets.
struct PropertyName {
  std::uint64_t bits = 0;
};

// A host class: instances have a fixed layout of named data properties
// (writable, enumerable, configurable: ordinary to script), made in one
// allocation without a transition per property, plus internal slots script
// cannot see, and a brand the host checks with is_instance().
struct HostClassSpec {
  std::span<const std::string_view> fields;
  std::uint32_t internal_slots = 0;
  // The instances' prototype: undefined makes a new plain object (read it
  // back with prototype()); classes may share one.
  JsValue prototype;
};
struct HostClass {
  std::uint32_t id = 0;  // 0: no class
  friend bool operator==(HostClass a, HostClass b) { return a.id == b.id; }
};

// The call a native function receives. `this_value`, the arguments and
// `data` (given when the function was made) are rooted during the call.
class NativeCall {
 public:
  JsValue this_value;
  JsValue data;
  std::uint32_t argc = 0;
  JsValue arg(std::uint32_t i) const {
    return i < argc ? JsValue::from_bits(argv_[i]) : JsValue::undefined();
  }

 private:
  friend struct HostAccess;  // host.cpp
  const std::uint64_t* argv_ = nullptr;
};

// A native function: returns the call's result or throws (ScriptThrow via
// a Host throw_* member or any "throws" call).
using NativeFn = JsValue (*)(Host& host, const NativeCall& call);

class Host {
 public:
  explicit Host(vm::VM& vm);
  ~Host();
  Host(const Host&) = delete;
  Host& operator=(const Host&) = delete;

  // ---- strings: bytes in, bytes out ----
  JsValue new_string(std::string_view utf8);
  // Bytes taken as Latin-1 code units (HTTP field values, query strings).
  JsValue new_string_latin1(std::string_view bytes);
  // The interned string for an ASCII name (method names, header names):
  // the same value every time, and no allocation after the first.
  JsValue intern(std::string_view ascii);
  JsValue empty_string();
  // A string's UTF-8 bytes: a view of the string itself when it is flat
  // ASCII (no copy), else encoded into scratch. Valid until the next
  // allocation or change to scratch.
  std::string_view utf8(JsValue string, std::string& scratch);
  void append_utf8(JsValue string, std::string& out);
  // The string's code units as bytes, for strings made by
  // new_string_latin1 (a unit above 0xFF becomes '?'): a view of the
  // string's own bytes when it is stored one byte per unit (no copy; valid
  // while the string lives: the collector does not move them), else copied
  // into scratch.
  std::string_view latin1(JsValue string, std::string& scratch);
  JsValue concat(JsValue a, JsValue b);  // two strings
  // A short description for logs: "undefined", "'x'", "[object Object]".
  std::string describe(JsValue v);

  // ---- conversions (throw) ----
  JsValue to_string(JsValue v);
  double to_number(JsValue v);

  // ---- objects and properties ----
  PropertyName name(std::string_view ascii);
  JsValue name_string(PropertyName name);
  JsValue global();
  JsValue new_object();
  JsValue get(JsValue object, PropertyName name);   // throws
  JsValue get(JsValue object, JsValue key_string);  // throws
  // CreateDataProperty with a string key (throws).
  void create_data_property(JsValue object, JsValue key_string, JsValue v);
  void create_data_property(JsValue object, PropertyName name, JsValue v);
  // Own enumerable string-keyed properties, in property order (throws:
  // getters and proxies may run script).
  void own_enumerable_names(JsValue object, std::vector<PropertyName>& out);
  // A non-enumerable data property, as built-ins define theirs.
  void define_value(JsValue object, std::string_view name, JsValue v);
  // A global binding made by a script (`function handler`, `const x`).
  bool lookup_global(std::string_view name, JsValue* out);
  // An export of the module Engine::run_module ran last (`export default`
  // is "default"); false when there is none or no module ran. Throws when
  // the binding is in its TDZ.
  bool module_export(std::string_view name, JsValue* out);
  void define_global(std::string_view name, JsValue v);

  // ---- functions ----
  // A non-enumerable method `name` on object; `data` reaches the function
  // as NativeCall::data.
  JsValue define_method(JsValue object, std::string_view name, NativeFn fn, std::uint32_t length,
                        JsValue data = {});
  void define_getter(JsValue object, std::string_view name, NativeFn fn, JsValue data = {});
  bool is_callable(JsValue v);
  JsValue call(JsValue fn, JsValue this_value, std::span<const JsValue> args);  // throws

  // ---- host classes ----
  HostClass define_class(const HostClassSpec& spec);
  JsValue prototype(HostClass cls);
  // A new instance with its fields (in the class's order; missing ones
  // undefined) and internal slots (missing ones holes). One call per
  // object on the request path: the values must be rooted by the caller
  // (the collector does not move objects, so a rooted copy suffices).
  JsValue new_instance(HostClass cls, std::span<const JsValue> fields = {},
                       std::span<const JsValue> internals = {});
  // Field i of an instance of cls: a slot load while script has not
  // reshaped the object, else a plain get (throws).
  JsValue field(JsValue instance, HostClass cls, std::uint32_t field);
  // The class of an instance, or HostClass{} for any other value.
  HostClass class_of(JsValue v);
  bool is_instance(JsValue v, HostClass cls) { return cls.id != 0 && class_of(v) == cls; }
  bool is_hole(JsValue v) const;
  JsValue internal(JsValue instance, std::uint32_t slot);
  void set_internal(JsValue instance, std::uint32_t slot, JsValue v);

  // ---- promises ----
  enum class PromiseState { kNotAPromise, kPending, kFulfilled, kRejected };
  // The state of v if it is a promise; a settled one's value or reason in
  // *result. Marks a rejected promise handled (the host took the reason).
  PromiseState promise_state(JsValue v, JsValue* result);

  // ---- JSON ----
  JsValue json_parse(JsValue text);  // throws (SyntaxError)
  // JSON.stringify(v) appended to out; false when v serializes to
  // undefined (a function, a symbol, undefined). Throws on cycles and
  // from toJSON.
  bool json_stringify(JsValue v, std::string& out);

  // ---- errors ----
  [[noreturn]] void throw_type_error(std::string_view message);
  [[noreturn]] void throw_range_error(std::string_view message);
  [[noreturn]] void throw_syntax_error(std::string_view message);
  // After catching ScriptThrow: the pending exception, described (message
  // and report as Engine::run_script gives them; `interrupted` when it was
  // an interrupt) and cleared.
  Completion take_exception();

  // ---- the embedder's own state ----
  // One pointer the embedder may set and its native functions read back
  // (e.g. the binding that defined them). Not owned; null by default.
  void set_embedder_data(void* data) { embedder_data_ = data; }
  void* embedder_data() const { return embedder_data_; }

  // ---- values kept for the Host's lifetime ----
  std::uint32_t persist(JsValue v);
  JsValue persistent(std::uint32_t handle) const;

  struct State;  // host.cpp: classes and native functions

 private:
  friend class HostRoot;
  friend struct HostAccess;  // host.cpp
  void grow_roots();
  JsValue new_instance_with_internals(HostClass cls, std::span<const JsValue> fields,
                                      std::span<const JsValue> internals);
  JsValue reshaped_field(JsValue instance, HostClass cls, std::uint32_t field);
  vm::VM& vm_;
  // HostRoot's stack, [roots_, root_top_): the GC traces every word
  // pointed to. Grown by grow_roots() when root_top_ reaches root_end_.
  std::uint64_t** roots_ = nullptr;
  std::uint64_t** root_top_ = nullptr;
  std::uint64_t** root_end_ = nullptr;
  std::unique_ptr<State> state_;
  void* embedder_data_ = nullptr;
};

inline HostRoot::HostRoot(Host& host, JsValue v) : host_(host), value_(v) {
  if (host_.root_top_ == host_.root_end_) host_.grow_roots();
  *host_.root_top_++ = &value_.bits_;
}
inline HostRoot::~HostRoot() {
  --host_.root_top_;
}

}  // namespace kite
