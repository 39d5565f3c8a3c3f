// VM: one isolated JavaScript world — heap, atoms, intrinsics, global
// object, register stack and call frames — and the abstract operations of
// ECMA-262 that built-ins and the interpreter share.
//
// Errors: an abstract operation that throws sets the pending exception and
// throws a C++ `JSThrow`; the interpreter catches it and unwinds to the
// nearest JS handler. Built-ins simply let it propagate.
// GC safety: any Value held across a call that may allocate must be in a
// register, an argument, or a Rooted<>.
#pragma once

#include <kite/engine/engine.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "heap/heap.h"
#include "objects/call_info.h"
#include "objects/environment.h"  // Frame::env, the global lexical environment
#include "objects/object.h"
#include "objects/shape.h"
#include "objects/string.h"
#include "util/bigint.h"
#include "vm/function_template.h"
#include "vm/jobs.h"
#include "vm/modules.h"

namespace kite::parser {
struct Program;
}

namespace kite::vm {

class AccessorPair;
class ArrayBufferObject;
class DataViewObject;
class ProxyObject;
class TypedArrayObject;
enum class ElementKind : std::uint8_t;
class JSFunction;
class NativeFunction;
class Symbol;

// Thrown (as a C++ exception) when a JS exception is pending in the VM: the
// public ScriptThrow, so an embedder can catch it (kite/engine/host.h).
using JSThrow = kite::ScriptThrow;

class VM;

// Math.pow / ** (ECMA-262 6.1.6.1.3): unlike C pow, 1 ** NaN and
// (+-1) ** +-Infinity are NaN.
double js_pow(double x, double y);

// Keeps a Value alive across allocations; strictly LIFO.
class Rooted {
 public:
  Rooted(VM& vm, Value v);
  ~Rooted();
  Rooted(const Rooted&) = delete;
  Rooted& operator=(const Rooted&) = delete;
  Value get() const { return value_; }
  Value& ref() { return value_; }
  void set(Value v) { value_ = v; }
  Object* object() const { return value_.as_object(); }
  String* string() const { return value_.as_string(); }
  operator Value() const { return value_; }

 private:
  VM& vm_;
  Value value_;
};

// A frame of a running JS function.
struct Frame {
  JSFunction* callee;
  FunctionTemplate* tmpl;
  Value* regs;              // regs[0] = this, regs[1..] params and locals
  const std::uint16_t* pc;  // next instruction (saved on calls/throws)
  const Value* argv;        // the caller's argument values
  std::uint32_t argc;
  Environment* env;
  Value new_target;
  std::uint16_t return_reg;  // caller register receiving the result
  bool is_construct;         // `new`: a non-object return yields `this`
  bool is_entry;             // returning from this frame leaves the interpreter loop
  // stack_top_ when the frame was pushed, restored when it is popped. It is
  // `regs` except for a resumed generator or async function, whose
  // registers live in its heap record (vm/generator.cpp): that frame takes
  // no register stack, and the frames it calls start at stack_base.
  Value* stack_base;
};

// Well-known atoms, interned at startup.
struct Atoms {
// clang-format off
#define KITE_ATOM_LIST(X) \
  X(length) X(prototype) X(constructor) X(name) X(message) X(stack) X(toString) X(valueOf) \
  X(value) X(done) X(next) X(get) X(set) X(writable) X(enumerable) X(configurable) \
  X(undefined_, "undefined") X(null_, "null") X(true_, "true") X(false_, "false") X(object) \
  X(function) X(number) X(string) X(boolean) X(symbol) X(bigint) X(empty, "") X(toJSON) \
  X(cause) X(errors) X(callee) X(caller) X(arguments) X(NaN) X(Infinity) \
  X(default_, "default") X(return_, "return") X(throw_, "throw") X(raw) X(index) X(input) \
  X(lastIndex) X(size) X(add) X(has) X(join) X(push) X(then) X(status) X(headers) X(body) \
  X(method) X(url) X(path) X(query) X(exec) X(flags) X(source) X(groups) X(indices) \
  X(hasIndices) X(global) X(ignoreCase) X(multiline) X(dotAll) X(unicode) X(unicodeSets) X(sticky) \
  X(resolve) X(reason) X(fulfilled) X(rejected) X(stackTraceLimit)
// clang-format on
#define KITE_ATOM_DECL(id, ...) String* id = nullptr;
  KITE_ATOM_LIST(KITE_ATOM_DECL)
#undef KITE_ATOM_DECL
};

struct Intrinsics {
  Object* object_prototype = nullptr;
  Object* function_prototype = nullptr;
  Object* array_prototype = nullptr;
  Object* string_prototype = nullptr;
  Object* number_prototype = nullptr;
  Object* boolean_prototype = nullptr;
  Object* symbol_prototype = nullptr;
  Object* error_prototype = nullptr;
  Object* error_constructor = nullptr;
  Object* type_error_prototype = nullptr;
  Object* range_error_prototype = nullptr;
  Object* syntax_error_prototype = nullptr;
  Object* reference_error_prototype = nullptr;
  Object* uri_error_prototype = nullptr;
  Object* eval_error_prototype = nullptr;
  Object* iterator_prototype = nullptr;
  Object* array_iterator_prototype = nullptr;
  Object* map_iterator_prototype = nullptr;
  Object* set_iterator_prototype = nullptr;
  Object* string_iterator_prototype = nullptr;
  Object* map_prototype = nullptr;
  Object* set_prototype = nullptr;
  Object* date_prototype = nullptr;
  Object* regexp_prototype = nullptr;
  Object* regexp_string_iterator_prototype = nullptr;
  Object* regexp_exec = nullptr;      // %RegExp.prototype.exec%, for the fast path
  Object* regexp_pristine = nullptr;  // original exec/flags/flag-getter slots (builtins/regexp.cpp)
  Object* object_constructor = nullptr;
  Object* function_constructor = nullptr;
  Object* array_constructor = nullptr;
  Object* array_values = nullptr;         // %Array.prototype.values%
  Object* array_iterator_next = nullptr;  // %ArrayIteratorPrototype%.next
  Object* map_iterator_next = nullptr;
  Object* set_iterator_next = nullptr;
  Object* string_iterator_next = nullptr;
  Object* throw_type_error = nullptr;
  Object* eval = nullptr;  // %eval%: a call of it by the name eval is a direct eval
  Object* aggregate_error_prototype = nullptr;
  Object* promise_prototype = nullptr;
  Object* promise_constructor = nullptr;
  Object* promise_then = nullptr;                  // %Promise.prototype.then%
  Object* generator_prototype = nullptr;           // %GeneratorPrototype%
  Object* generator_function_prototype = nullptr;  // %GeneratorFunction.prototype%
  Object* async_function_prototype = nullptr;      // %AsyncFunction.prototype%
  Object* generator_next = nullptr;                // %GeneratorPrototype%.next
  Object* async_iterator_prototype = nullptr;      // %AsyncIteratorPrototype%
  Object* weak_map_prototype = nullptr;
  Object* weak_set_prototype = nullptr;
  Object* weak_ref_prototype = nullptr;
  Object* finalization_registry_prototype = nullptr;
  Object* async_generator_prototype = nullptr;           // %AsyncGeneratorPrototype%
  Object* async_generator_function_prototype = nullptr;  // %AsyncGeneratorFunction.prototype%
  Object* async_from_sync_iterator_prototype = nullptr;  // %AsyncFromSyncIteratorPrototype%
  Object* bigint_prototype = nullptr;
  Object* array_buffer_prototype = nullptr;
  Object* array_buffer_constructor = nullptr;
  Object* shared_array_buffer_prototype = nullptr;
  Object* shared_array_buffer_constructor = nullptr;
  Object* data_view_prototype = nullptr;
  Object* typed_array_prototype = nullptr;    // %TypedArray.prototype%
  Object* typed_array_constructor = nullptr;  // %TypedArray%
  Object* typed_array_prototypes[11] = {};    // by ElementKind
  Object* typed_array_constructors[11] = {};
  Symbol* symbol_iterator = nullptr;
  Symbol* symbol_has_instance = nullptr;
  Symbol* symbol_to_primitive = nullptr;
  Symbol* symbol_to_string_tag = nullptr;
  Symbol* symbol_async_iterator = nullptr;
  Symbol* symbol_is_concat_spreadable = nullptr;
  Symbol* symbol_unscopables = nullptr;
  Symbol* symbol_match = nullptr;
  Symbol* symbol_match_all = nullptr;
  Symbol* symbol_replace = nullptr;
  Symbol* symbol_search = nullptr;
  Symbol* symbol_split = nullptr;
  Symbol* symbol_species = nullptr;
  Shape* empty_object_shape = nullptr;  // plain objects with Object.prototype
  Shape* array_shape = nullptr;         // arrays (no named properties)
  Shape* function_shape = nullptr;      // closures with `prototype`: length, name, prototype
  Shape* method_shape = nullptr;        // arrows / methods: length, name
  Shape* error_shape = nullptr;
  Shape* arguments_shape = nullptr;
  Shape* generator_function_shape = nullptr;        // function*: length, name, prototype
  Shape* async_function_shape = nullptr;            // async functions: length, name
  Shape* async_generator_function_shape = nullptr;  // async function*: length, name, prototype
  Shape* iter_result_shape = nullptr;               // { value, done } (CreateIterResultObject)
};

// The numeric operators whose slow path is VM::numeric_op / numeric_unary.
enum class NumericOp { kSub, kMul, kDiv, kMod, kExp, kAnd, kOr, kXor, kShl, kShr, kUShr };
enum class NumericUnary { kNeg, kBitNot, kInc, kDec, kToNumeric };

enum class ErrorType {
  kError,
  kTypeError,
  kRangeError,
  kSyntaxError,
  kReferenceError,
  kURIError,
  kEvalError,
  kAggregateError
};

struct Counters {
  std::uint64_t ic_hits = 0;
  std::uint64_t ic_misses = 0;
};

class VM {
 public:
  explicit VM(const kite::EngineOptions& options);
  ~VM();
  VM(const VM&) = delete;
  VM& operator=(const VM&) = delete;

  Heap& heap() { return heap_; }
  Atoms& atoms() { return atoms_; }
  Intrinsics& intrinsics() { return intrinsics_; }
  Object* global() { return global_; }
  void set_global(Object* g) { global_ = g; }
  Counters& counters() { return counters_; }
  const kite::EngineOptions& options() const { return *options_; }

  // ---- strings and atoms (objects/string.cpp) ----
  String* new_string_latin1(const std::uint8_t* chars, std::size_t n);
  String* new_string_ascii(std::string_view s) {
    return new_string_latin1(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
  }
  String* new_string_utf8(std::string_view s);
  String* new_string_utf16(const char16_t* chars, std::size_t n);
  String* new_string_utf16(std::u16string_view s) { return new_string_utf16(s.data(), s.size()); }
  // Allocates an uninitialized flat string to fill (one_byte: Latin-1).
  String* alloc_flat_string(std::uint32_t length, bool one_byte);
  String* concat(String* a, String* b);
  // The strings parts[0..n) joined into one flat string (template literals).
  // parts must be rooted (interpreter registers are).
  String* concat_many(const Value* parts, std::uint32_t n);
  String* substring(String* s, std::uint32_t start, std::uint32_t end);
  String* flatten(String* s);  // returns s, made flat
  String* atomize(String* s);
  String* intern(std::string_view ascii);
  String* single_char(char16_t c);
  String* number_to_string(double d);
  bool string_equals(String* a, String* b);
  PropertyKey key(std::string_view ascii) { return PropertyKey::atom(intern(ascii)); }
  // A PropertyKey's string form ("3" for index 3); symbols: undefined.
  Value key_to_value(PropertyKey key);

  // ---- objects (objects/object.cpp) ----
  Object* new_object();  // plain, prototype Object.prototype
  Object* new_object_with_proto(Object* proto);
  Object* new_array(std::uint32_t capacity = 0);
  Object* new_array_from(std::span<const Value> values);
  Object* new_object_of_class(ObjectClass klass, Object* proto, std::uint32_t inline_slots = 4);
  // A plain object that already has every property of `shape` (a shape
  // reached by adding properties, not a dictionary one), all undefined
  // until set_slot: objects made with one fixed layout over and over (the
  // server's Request and Response) skip a transition per property.
  Object* new_object_with_shape(Shape* shape);
  // RegExpCreate(pattern, flags) (builtins/regexp.cpp); SyntaxError if invalid.
  Object* new_regexp(String* pattern, String* flags);
  // Binary data (objects/typed_array.h; allocation in objects/object.cpp,
  // the typed arrays' exotic behaviour in objects/typed_array.cpp). A
  // buffer of `byte_length` zeroed bytes, or a RangeError.
  ArrayBufferObject* new_array_buffer(Object* proto, std::size_t byte_length);
  TypedArrayObject* new_typed_array(Object* proto, ElementKind kind, ArrayBufferObject* buffer,
                                    std::size_t byte_offset, std::uint32_t length);
  DataViewObject* new_data_view(Object* proto, ArrayBufferObject* buffer, std::size_t byte_offset,
                                std::size_t byte_length);
  ProxyObject* new_proxy(Value target, Value handler);
  IteratorObject* new_iterator_object(
      ObjectClass klass, Object* proto);  // ProxyCreate's object, checked by the caller
  // CanonicalNumericIndexString (7.1.21) of a property key: true, with the
  // number in *out, for "3", "-0", "1.5", "NaN", "-Infinity" and the like.
  bool canonical_numeric_key(PropertyKey key, double* out);
  // TypedArrayGetElement / TypedArraySetElement (10.4.5.15-16): undefined
  // (or nothing stored) unless IsValidIntegerIndex; the value is converted
  // first, even then.
  Value typed_array_get(TypedArrayObject* ta, double index);
  void typed_array_set(TypedArrayObject* ta, double index, Value v);
  // An element at `p` of any kind as a Value (a BigInt kind makes a cell),
  // and the store of a value already converted for the kind (a Number, or
  // a BigInt for the BigInt kinds: to_element_value).
  Value typed_array_load(ElementKind kind, const std::uint8_t* p);
  void typed_array_store(ElementKind kind, std::uint8_t* p, Value numeric);
  Value to_element_value(ElementKind kind, Value v);  // ToBigInt or ToNumber
  Shape* root_shape_for(Object* proto);
  Shape* dictionary_shape_for(Object* proto);
  JSFunction* new_closure(FunctionTemplate* tmpl, Environment* env);
  NativeFunction* new_native(NativeFn fn, String* name, std::uint32_t length,
                             bool constructor = false);
  Environment* new_environment(Environment* parent, std::uint32_t size);
  FunctionTemplate* new_function_template();
  Symbol* new_symbol(Value description);
  AccessorPair* new_accessor(Value getter, Value setter);

  // Defines a built-in method (non-enumerable) / value / accessor.
  NativeFunction* define_native(Object* target, std::string_view name, NativeFn fn,
                                std::uint32_t length);
  NativeFunction* define_native(Object* target, PropertyKey key, std::string_view name, NativeFn fn,
                                std::uint32_t length);
  void define_value(Object* target, std::string_view name, Value v,
                    std::uint8_t attrs = attr::kHidden);
  void define_getter(Object* target, PropertyKey key, std::string_view name, NativeFn fn);
  // A data property defined by built-in set-up (see object.cpp).
  void define_builtin_property(Object* obj, PropertyKey key, Value v, std::uint8_t attrs);

  // ---- property access (objects/object.cpp) ----
  // [[GetOwnProperty]]: fills *out, returns false when absent.
  bool get_own_property(Object* obj, PropertyKey key, Property* out);
  // [[Get]] with receiver.
  Value get(Object* obj, PropertyKey key, Value receiver);
  Value get(Object* obj, PropertyKey key) { return get(obj, key, Value::object(obj)); }
  Value get(Object* obj, std::string_view name) { return get(obj, key(name)); }
  // GetV: property of any value (primitives use their prototype).
  Value get_value(Value base, PropertyKey key);
  // [[Set]]; throws TypeError on failure (strict mode).
  void set(Object* obj, PropertyKey key, Value v, Value receiver);
  void set(Object* obj, PropertyKey key, Value v) { set(obj, key, v, Value::object(obj)); }
  // The same returning false when refused (Reflect.set), unless `throws`.
  bool set_or_refuse(Object* obj, PropertyKey key, Value v, Value receiver, bool throws);
  void set_value(Value base, PropertyKey key, Value v);
  // [[DefineOwnProperty]] with a full descriptor; returns false if refused.
  bool define_own_property(Object* obj, PropertyKey key, Value value, std::uint8_t attrs,
                           bool is_accessor_descriptor = false, Value getter = Value::undefined(),
                           Value setter = Value::undefined(), std::uint8_t present_mask = 0xFF);
  // CreateDataProperty (throws if refused).
  void create_data_property(Object* obj, PropertyKey key, Value v);
  bool has_property(Object* obj, PropertyKey key);
  bool has_own_property(Object* obj, PropertyKey key);
  bool delete_property(Object* obj, PropertyKey key);  // false if non-configurable
  // Own keys in spec order (indices, strings, symbols).
  void own_keys(Object* obj, std::vector<PropertyKey>& out, bool include_strings = true,
                bool include_symbols = false);
  bool set_prototype(Object* obj, Object* proto);  // false if refused
  // [[PreventExtensions]]: false when a proxy's trap refuses.
  bool prevent_extensions(Object* obj);
  void make_dictionary(Object* obj);
  // Fast append of a slot for a new property (no checks).
  void add_property(Object* obj, PropertyKey key, Value v, std::uint8_t attrs);
  // Elements
  void set_array_length(Object* arr, std::uint32_t len);
  // ArraySetLength's shrinking: false (length kept one past it) when an
  // element at or above `len` cannot be deleted.
  bool shrink_array_length(Object* arr, std::uint32_t len);
  void array_push(Object* arr, Value v);
  bool get_element(Object* obj, std::uint32_t index, Value* out);
  void ensure_elements(Object* obj, std::uint32_t capacity);

  // ---- internal methods with proxies in mind ----
  // [[GetPrototypeOf]] and IsExtensible: Object::proto() and
  // is_extensible() for ordinary objects, the traps for proxies.
  Object* get_prototype_of(Object* obj) {
    return obj->is_proxy() ? proxy_get_prototype_of(obj) : obj->proto();
  }
  bool is_extensible(Object* obj) {
    return obj->is_proxy() ? proxy_is_extensible(obj) : obj->is_extensible();
  }
  // The proxy half of each internal method (builtins/proxy.cpp): the trap,
  // or the target's own method when the handler has none, then the
  // invariant checks (10.5.1-13). A revoked proxy is a TypeError.
  Object* proxy_get_prototype_of(Object* proxy);
  bool proxy_set_prototype_of(Object* proxy, Object* proto);
  bool proxy_is_extensible(Object* proxy);
  bool proxy_prevent_extensions(Object* proxy);
  bool proxy_get_own_property(Object* proxy, PropertyKey key, Property* out);
  bool proxy_define_own_property(Object* proxy, PropertyKey key, Value value, std::uint8_t attrs,
                                 bool is_accessor, Value getter, Value setter,
                                 std::uint8_t present);
  bool proxy_has(Object* proxy, PropertyKey key);
  Value proxy_get(Object* proxy, PropertyKey key, Value receiver);
  bool proxy_set(Object* proxy, PropertyKey key, Value v, Value receiver);
  bool proxy_delete(Object* proxy, PropertyKey key);
  void proxy_own_keys(Object* proxy, std::vector<PropertyKey>& out);
  Value proxy_call(Object* proxy, Value this_value, std::span<const Value> args);
  Value proxy_construct(Object* proxy, std::span<const Value> args, Value new_target);

  // ---- conversions and operators (vm/operations.cpp) ----
  Value to_primitive(Value v, int hint /* 0 default, 1 number, 2 string */);
  double to_number(Value v);
  // ToNumeric (7.1.3): a Number or a BigInt.
  Value to_numeric(Value v);
  // ---- BigInt (vm/bigint.cpp) ----
  Value new_bigint(util::BigNum n);                         // RangeError past the size limit
  Value to_bigint(Value v);                                 // ToBigInt (7.1.13)
  std::optional<util::BigNum> string_to_bigint(String* s);  // StringToBigInt (7.1.14)
  // A binary or unary numeric operator on any values: ToNumeric, then the
  // Number or the BigInt operation (a TypeError when they mix).
  Value numeric_op(NumericOp op, Value a, Value b);
  Value numeric_unary(NumericUnary op, Value a);
  Value bigint_add(Value a, Value b);  // both BigInts
  // The one BigInt cell Map and Set use for a value (SameValueZero as
  // bit equality); kept for the VM's lifetime.
  Value canonical_bigint(Value v);
  String* bigint_to_string(Value v, int radix = 10);
  String* to_string(Value v);
  Object* to_object(Value v);
  PropertyKey to_property_key(Value v);
  double to_integer_or_infinity(Value v);
  std::uint32_t to_length_u32(Value v);
  static bool to_boolean(Value v);
  Value type_of(Value v);
  bool strict_equals(Value a, Value b);
  bool loose_equals(Value a, Value b);
  bool same_value(Value a, Value b);
  bool same_value_zero(Value a, Value b);
  Value add(Value a, Value b);
  // a < b per IsLessThan; returns 0 false, 1 true, 2 undefined (NaN).
  int less_than(Value a, Value b, bool left_first);
  bool instance_of(Value v, Value target);
  bool is_callable(Value v) { return v.is_object() && v.as_object()->is_callable(); }
  bool is_constructor(Value v);
  bool is_array(Value v);
  // Object.prototype.toString-style class name for console/errors.
  std::string describe(
      Value v);  // short, for error messages: "undefined", "'x'", "[object Object]"
  Value get_method(Value v, PropertyKey key);  // undefined or callable
  // vm/interpreter.cpp, beside the loop
  void copy_data_properties(Object* dst, Value src, const Value* excluded, std::uint32_t n);

  // ---- calls (vm/call.cpp) ----
  Value call(Value fn, Value this_value, std::span<const Value> args);
  Value construct(Value fn, std::span<const Value> args, Value new_target);
  Value run_script(FunctionTemplate* tmpl);
  void push_frame(JSFunction* fn, Value this_value, const Value* argv, std::uint32_t argc,
                  Value new_target, bool construct, std::uint16_t return_reg, bool entry);
  bool unwind(std::size_t entry);  // vm/interpreter.cpp, beside the loop
  Object* ordinary_create_from_constructor(Value new_target);
  std::string describe_name(Value fn);
  std::string name_or(const std::string& text, Value v);

  // ---- interpreter support (vm/vm.cpp) ----
  void set_function_name(Value fn, Value key);
  Value load_global(String* name, InlineCache& ic, bool throw_if_missing);
  void store_global(String* name, Value v, InlineCache& ic);
  void define_accessor_part(Object* obj, PropertyKey key, Value fn, bool getter, bool enumerable);
  void make_class(Frame* f, const std::uint16_t* pc);
  // super[key] in frame f (13.3.7): read it, or with `value` write it.
  // `this` must be bound, then the home object's prototype is taken
  // before the key is converted (GetSuperBase, then ToPropertyKey).
  Value super_property(Frame* f, Value key, const Value* value);
  Value super_call(Frame* f, std::span<const Value> args);
  void handle_interrupt();
  // Sets the element count of an object whose first n elements are initialized.
  void set_elements_length(Object* obj, std::uint32_t n) { obj->elem_len_ = n; }
  void array_push_internal(Object* obj, Value v);
  // Array.prototype.join cycle detection.
  bool join_stack_contains(Object* o) {
    for (Object* x : join_stack_) {
      if (x == o) return true;
    }
    return false;
  }
  void join_stack_push(Object* o) { join_stack_.push_back(o); }
  void join_stack_pop() { join_stack_.pop_back(); }

  // Buffers JSON.stringify reuses from call to call instead of allocating
  // them (builtins/json.cpp). A call takes them while it runs, so a nested
  // call (from toJSON or a replacer) starts with empty ones.
  struct JsonScratch {
    std::string out;                // one-byte output
    std::vector<PropertyKey> keys;  // keys of the objects being serialized, innermost last
    std::vector<Object*> stack;     // the objects being serialized (cycle check)
  };
  JsonScratch& json_scratch() { return json_scratch_; }

  // ---- iteration (vm/iteration.cpp, builtins/iterators.cpp) ----
  Value open_iterator(Value iterable);
  bool iterator_step(Value iter, Value* out);
  void iterator_close(Value iter);
  bool is_builtin_iterator_next(Object* iter, Value next);
  bool builtin_iterator_next(Object* iter, Value* out);
  void builtin_iterator_close(Object* iter);

  // ---- iteration helpers for the built-ins (vm/iteration.cpp) ----
  // Calls `fn` for each value of an iterable; stops if fn returns false.
  void iterate(Value iterable, const std::function<bool(Value)>& fn);

  // ---- errors ----
  [[noreturn]] void throw_error(ErrorType type, std::string_view message);
  [[noreturn]] void throw_value(Value v);
  // TypeError for reading (or writing) a property of null or undefined.
  [[noreturn]] void throw_nullish_base(Value base, bool writing);
  [[noreturn]] void throw_type_error(std::string_view message) {
    throw_error(ErrorType::kTypeError, message);
  }
  [[noreturn]] void throw_range_error(std::string_view message) {
    throw_error(ErrorType::kRangeError, message);
  }
  // An error of `type` made by the engine (throw_error): its stack starts
  // at the built-in the top frame is calling, if any.
  Object* make_error(ErrorType type, std::string_view message);
  // An error with `proto` and `message` made by an Error constructor
  // called with `new_target`: its stack starts at the caller, or below
  // new_target's frame (a subclass's constructor).
  Object* make_error(Object* proto, Value message, Value new_target = Value::undefined(),
                     bool in_native = false);
  // ---- error.stack (vm/stack_trace.cpp) ----
  // Error.stackTraceLimit when it is a number (clamped to 0..1e6).
  bool stack_trace_limit(std::size_t* limit);
  // At most `limit` "\n    at ..." lines for the running frames, innermost
  // first (V8's format). `in_native`: the error is made inside the
  // built-in the top frame is calling, which gets a line. `skip_until`: a
  // function whose innermost frame and the frames above it are left out.
  std::string capture_stack_trace(std::size_t limit, bool in_native, Value skip_until);
  // Defines error.stack: `head` ("Name: message") and the frames, or
  // undefined when Error.stackTraceLimit is not a number.
  void install_error_stack(Object* error, std::string_view head, bool in_native, Value skip_until);
  Value pending_exception() const { return pending_exception_; }
  void set_pending_exception(Value v) {
    pending_exception_ = v;
    has_pending_ = true;
  }
  Value take_pending_exception() {
    has_pending_ = false;
    Value v = pending_exception_;
    pending_exception_ = Value::undefined();
    return v;
  }
  bool has_pending_exception() const { return has_pending_; }
  void check_stack();  // RangeError when the C++ or JS stack is too deep

  // ---- private elements (vm/private_elements.cpp) ----
  // A class's private names are private symbols; an object's private
  // elements are own properties under them (found on the object only,
  // never listed by own_keys).
  Value new_private_name(Value description);
  // With `ic`, a data element found in a shaped object is remembered
  // there (the interpreter's fast path reads or writes its slot).
  Value private_get(Value obj, Value name, InlineCache* ic = nullptr);
  void private_set(Value obj, Value name, Value value, InlineCache* ic = nullptr);
  // PrivateFieldAdd (method = false) / PrivateMethodOrAccessorAdd of a method.
  void private_define(Value obj, Value name, Value value, bool method);
  void private_define_accessor(Value obj, Value name, Value getter, Value setter);
  bool private_has(Value name, Value obj);

  // ---- generators (vm/generator.cpp) ----
  // GeneratorResume: runs a suspended generator from where it stopped with
  // `value` sent as next (mode 0), throw (1) or return (2); returns the
  // iterator result. `method` names the caller in a receiver TypeError.
  Value generator_resume(Value gen, Value value, int mode, std::string_view method);
  // The same without the result object (for-of's fast path): the yielded
  // or returned value in *out; a YieldRaw result object (yield*) as is.
  enum class ResumeOutcome { kYielded, kYieldedRaw, kReturned };
  ResumeOutcome resume_generator(Object* gen, Value value, int mode, Value* out);
  // Runs an async function suspended at an await on (mode 0 fulfilled with
  // value, 1 rejected with it); called by the promise job of the await.
  void async_resume(Object* coroutine, Value value, int mode);
  // Runs an async generator from its start or a yield with the request at
  // the head of its queue (vm/generator.cpp).
  void async_generator_resume(Object* gen, Value value, int mode);
  void push_suspended_frame(Object* coroutine, Value sent, int mode, bool write_sent);

  // ---- jobs and timers (vm/jobs.h; builtins/promise.cpp, builtins/timers.cpp) ----
  JobQueue& jobs() { return jobs_; }
  // WeakRef targets kept alive until the current job ends (AddToKeptObjects;
  // the embedder's job loop clears them: ClearKeptObjects).
  std::vector<Value>& kept_objects() { return kept_objects_; }
  TimerQueue& timers() { return timers_; }
  // Promises rejected while no handler was attached, in order
  // (HostPromiseRejectionTracker); a handler attached later removes one.
  std::vector<Value>& unhandled_rejections() { return unhandled_rejections_; }
  // Milliseconds on the engine's monotonic clock (timers).
  double now_ms() const;

  // ---- code from strings (vm/eval.cpp) ----
  // PerformEval (19.2.1.1), strict: x itself unless a string; else the
  // completion value of x run as eval code, in `env` seeing `scope` for a
  // direct eval (both null: an indirect eval, in the global scope).
  Value perform_eval(Value x, const EvalScope* scope, Environment* env, Frame* caller = nullptr);
  // CreateDynamicFunction (20.2.1.1.1): kind 0 function, 1 generator,
  // 2 async, 3 async generator; the last argument is the body.
  Value create_dynamic_function(int kind, std::span<const Value> args, Value new_target);
  // The Intrinsic instruction at `pc` of frame f (vm/bytecode.h).
  Value intrinsic(Frame* f, const std::uint16_t* pc);

  // ---- modules (vm/modules.cpp; namespaces in vm/module_namespace.cpp) ----
  ModuleLoader& modules() { return modules_; }
  // The module `specifier` names from the file `referrer` (or, with
  // `source`, the module at `path` with that text: an entry point), and
  // every module it imports, read, parsed and compiled; a module already
  // loaded is reused. Throws SyntaxError (with the file:line:col in its
  // stack) or TypeError (cannot resolve, cannot read).
  ModuleRecord* load_module(const std::string& specifier, const std::string& referrer);
  ModuleRecord* load_module_source(std::string_view source, const std::string& path);
  ModuleRecord* load_parsed_module(const parser::Program& program, std::string_view source,
                                   const std::string& path);
  // Link (16.2.1.5.3.1): resolves every import; SyntaxError when one names
  // an export that does not exist or is ambiguous.
  void link_module(ModuleRecord* m);
  // Evaluate (16.2.1.5.3.2): runs the module and what it imports, in
  // order; returns the promise of its evaluation (settled unless a module
  // of the graph awaits at top level).
  Value evaluate_module(ModuleRecord* m);
  // GetModuleNamespace (16.2.1.10).
  Object* module_namespace(ModuleRecord* m);
  // import(specifier) from code of `referrer`: a promise of the namespace.
  Value dynamic_import(Value specifier, FunctionTemplate* referrer);
  Value import_meta(FunctionTemplate* code);
  // LdImport: the binding an import reference `depth` environments up, at
  // `slot`, points at; a ReferenceError naming `name` in its TDZ.
  Value load_import(Environment* env, std::uint32_t depth, std::uint32_t slot, Value name);
  ModuleNamespaceObject* new_module_namespace(ModuleRecord* module);
  // The namespace object's internal methods (10.4.6) for string keys.
  bool namespace_get_own_property(Object* ns, PropertyKey key, Property* out);
  bool namespace_define_own_property(Object* ns, PropertyKey key, Value value, std::uint8_t attrs,
                                     bool is_accessor, std::uint8_t present);
  bool namespace_has(Object* ns, PropertyKey key);
  Value namespace_get(Object* ns, PropertyKey key);
  bool namespace_delete(Object* ns, PropertyKey key);
  void namespace_own_keys(Object* ns, std::vector<PropertyKey>& out);

  // ---- output ----
  void write_out(std::string_view s);
  void write_err(std::string_view s);

  // ---- GC support ----
  void trace_roots(Heap& heap);
  // Rooted's push and pop: a compare, a store and an increment.
  void push_root(Value* v) {
    if (roots_top_ == roots_end_) [[unlikely]]
      grow_roots();
    *roots_top_++ = v;
  }
  void pop_root() { --roots_top_; }
  std::size_t root_count() const { return static_cast<std::size_t>(roots_top_ - roots_.data()); }
  void sweep_atoms();
  std::vector<Value>& persistent_roots() { return persistent_; }
  // Symbol.for registry: [key, symbol, key, symbol, ...] (rooted).
  std::vector<Value>& symbol_registry() { return symbol_registry_; }
  Object* new_bound_function();

  // ---- interpreter state (vm/interpreter.cpp) ----
  Value* stack_base() { return stack_; }
  Value* stack_limit() { return stack_end_; }
  std::vector<Frame>& frames() { return frames_; }
  std::mt19937_64& random() { return rng_; }
  // Set from any thread (Engine::request_interrupt); polled at loop back-edges.
  std::atomic<std::uint32_t> interrupt_requested{0};
  // State of the RegExp built-ins (builtins/regexp.cpp): compile cache and
  // the matcher's backtrack stack, made on first use.
  std::shared_ptr<void> regexp_runtime;
  // The embedder's interface (api/host.cpp): its native functions find it
  // here, and the GC traces the words its HostRoots point to.
  kite::Host* host = nullptr;
  std::vector<std::uint64_t*> host_roots;  // in use up to *host_roots_top
  std::uint64_t*** host_roots_top = nullptr;
  // When non-zero, only an interrupt carrying this token stops the script
  // (a watchdog late for the previous request must not stop the next).
  std::uint32_t interrupt_token = 0;
  // True while an interrupt unwinds the stack: no JS catch or finally runs.
  bool terminating() const { return terminating_; }
  void clear_termination() { terminating_ = false; }

  // Map from top-level lexical name (atom) to its environment slot, so
  // later scripts and the embedder can see `const handler = ...`.
  struct GlobalLexical {
    Environment* env;
    std::uint32_t slot;
    bool is_const;
  };
  std::unordered_map<String*, GlobalLexical>& global_lexicals() { return global_lexicals_; }
  bool lookup_global(String* name, Value* out);
  void declare_global_lexical(String* name, Environment* env, std::uint32_t slot, bool is_const);

 private:
  friend class Interpreter;
  void init_atoms();
  void init_intrinsics();
  Value execute(std::size_t entry);

  Heap heap_;
  std::unique_ptr<kite::EngineOptions> options_;
  Atoms atoms_{};
  Intrinsics intrinsics_{};
  Counters counters_{};
  Object* global_ = nullptr;
  Shape* null_root_shape_ = nullptr;
  Shape* null_dict_shape_ = nullptr;
  // Atom table: open addressing over String*.
  std::vector<String*> atom_table_;
  std::size_t atom_count_ = 0;
  String* single_chars_[256] = {};
  Value pending_exception_;
  bool has_pending_ = false;
  bool terminating_ = false;
  std::vector<Value> kept_objects_;
  int suspended_ = 0;  // set by Yield (1) / YieldRaw (2) as it leaves execute()
  std::unordered_map<std::string, Value> bigint_keys_;  // canonical_bigint, traced
  std::vector<Value*> roots_;  // storage of the root stack: in use up to roots_top_
  Value** roots_top_ = nullptr;
  Value** roots_end_ = nullptr;
  void grow_roots();
  std::vector<Value> persistent_;
  std::vector<Value> symbol_registry_;
  std::vector<Object*> join_stack_;
  JsonScratch json_scratch_;
  JobQueue jobs_;
  TimerQueue timers_;
  std::vector<Value> unhandled_rejections_;
  std::unordered_map<String*, GlobalLexical> global_lexicals_;
  ModuleLoader modules_;
  Value* stack_ = nullptr;
  Value* stack_end_ = nullptr;
  Value* stack_top_ = nullptr;  // first free register
  std::size_t stack_bytes_ = 0;
  std::vector<Frame> frames_;
  std::uintptr_t native_stack_limit_ = 0;
  std::size_t options_max_depth_ = 10000;
  std::mt19937_64 rng_;

 public:
  // Lets the atom table use these helpers.
  String* find_or_add_atom(String* s);
  String* find_atom_latin1(const std::uint8_t* chars, std::size_t n, std::uint32_t hash);
  Value*& stack_top() { return stack_top_; }
};

// Inline: the interpreter loop checks before each native call it makes
// (js/mathOps calls Math functions in its inner loop), VM::call and
// push_frame before each call from C++.
inline void VM::check_stack() {
  char probe;
  if (reinterpret_cast<std::uintptr_t>(&probe) < native_stack_limit_ ||
      frames_.size() >= options_max_depth_) {
    throw_range_error("Maximum call stack size exceeded");
  }
}

inline Rooted::Rooted(VM& vm, Value v) : vm_(vm), value_(v) {
  vm.push_root(&value_);
}
inline Rooted::~Rooted() {
  vm_.pop_root();
}

}  // namespace kite::vm
