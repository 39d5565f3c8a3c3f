// Built-in objects: installs the intrinsics and the global object into a
// fresh VM. One file per built-in family; each exposes an install_* hook.
// The object model the built-ins are written against comes with this
// header: Object, function objects and the native calling convention.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "objects/string_builder.h"

#include "objects/call_info.h"
#include "objects/function.h"
#include "objects/object.h"
#include "vm/vm.h"

namespace kite::vm::builtins {

// Creates every intrinsic and the global object. Called once per VM, with
// collection disabled.
void install(VM& vm);

void install_object(VM& vm, Object* global);
void install_function(VM& vm, Object* global);
void install_error(VM& vm, Object* global);
void install_array(VM& vm, Object* global);
void install_string(VM& vm, Object* global);
void install_number(VM& vm, Object* global);  // Number, Boolean
void install_math(VM& vm, Object* global);
void install_json(VM& vm, Object* global);
void install_symbol(VM& vm, Object* global);
void install_map_set(VM& vm, Object* global);
void install_iterators(VM& vm, Object* global);
void install_console(VM& vm, Object* global);
void install_globals(VM& vm, Object* global);  // parseInt, isNaN, URI functions
void install_regexp(VM& vm, Object* global);
void install_date(VM& vm, Object* global);
void install_promise(VM& vm, Object* global);
void install_timers(VM& vm, Object* global);  // setTimeout & co., queueMicrotask

// Runs one queued job (a promise reaction, a thenable's resolution, a
// queueMicrotask callback). Throws JSThrow when a callback throws.
void run_job(VM& vm, const Job& job);
// A settled promise's result; *rejected tells which way it settled.
Value promise_result_of(Object* promise, bool* rejected);
bool promise_is_pending(Object* promise);
// The async function awaiting a pending promise (the first of its
// reactions that resumes a coroutine), or null: error.stack's async frames.
Object* awaiting_coroutine(Object* promise);
// A new pending promise (%Promise.prototype%).
Value new_promise(VM& vm);
// Resolves (the resolve function's steps: a thenable is adopted) or rejects.
void settle_promise(VM& vm, Object* promise, Value value, bool rejected);
// Await (27.7.5.3) steps 2-9 for `coroutine`: PromiseResolve(%Promise%,
// value), then a reaction that resumes the coroutine when it settles.
void await_value(VM& vm, Object* coroutine, Value value);
// Sets [[PromiseIsHandled]] and drops the promise from the unhandled list.
void promise_mark_handled(VM& vm, Object* promise);
// PromiseResolve(%Promise%, x) (27.2.4.7.1): x itself when it is a
// %Promise%, else a new promise resolved with it. May throw.
Value promise_resolve_intrinsic(VM& vm, Value x);
// PerformPromiseThen(promise, on_fulfilled, on_rejected) with a new
// %Promise% capability (or none when `derived` is false); returns the
// derived promise, or undefined.
Value promise_then_internal(VM& vm, Object* promise, Value on_fulfilled, Value on_rejected,
                            bool derived);
// A native function of `length` closing over `data` (NativeFunction::data).
Value native_closure(VM& vm, NativeFn fn, std::uint32_t length, Value data);

// The constructor of a kind of function made from source text (%GeneratorFunction%,
// %AsyncFunction%, %AsyncGeneratorFunction%, 27.3.1): not a global, inherits
// %Function%, linked with `prototype` both ways; VM::create_dynamic_function
// makes the functions.
void install_function_kind_constructor(VM& vm, std::string_view name, Object* prototype);

// A property descriptor as ToPropertyDescriptor reads it: `present` has a
// bit per field given (1 value, 2 writable, 4 enumerable, 8 configurable,
// 16 get, 32 set), as VM::define_own_property takes them; the values are
// rooted while the descriptor lives.
struct PropertyDescriptor {
  explicit PropertyDescriptor(VM& vm)
      : value(vm, Value::undefined()),
        getter(vm, Value::undefined()),
        setter(vm, Value::undefined()) {}
  bool is_accessor() const { return (present & (16 | 32)) != 0; }
  std::uint8_t present = 0;
  std::uint8_t attrs = 0;
  Rooted value;
  Rooted getter;
  Rooted setter;
};
// ToPropertyDescriptor (6.2.6.5) (builtins/object.cpp).
void to_property_descriptor(VM& vm, Value desc, PropertyDescriptor& out);
// Proxy and Proxy.revocable (builtins/proxy.cpp).
void install_proxy(VM& vm, Object* global);
// BigInt and BigInt.prototype (builtins/bigint.cpp).
void install_bigint(VM& vm, Object* global);
// ToPropertyDescriptor (6.2.6.5) then [[DefineOwnProperty]]: false when
// refused, or a TypeError when `throws` (builtins/object.cpp).
bool define_from_descriptor(VM& vm, Object* obj, PropertyKey key, Value desc, bool throws = true);
// FromPropertyDescriptor (6.2.6.4).
Value from_descriptor(VM& vm, const Property& p);
// CreateListFromArrayLike (7.3.20) (builtins/function.cpp).
std::vector<Value> list_from_array_like(VM& vm, Value v);
void install_reflect(VM& vm, Object* global);
// The constructors' step for an iterable of Map, Set, WeakMap and WeakSet:
// calls the collection's own `set` with each [key, value] entry (`entries`)
// or its `add` with each value (builtins/map_set.cpp).
void add_entries_from_iterable(VM& vm, Object* collection, Value iterable, bool entries);
// Calls fn (or constructs it, with new_target) with the values of an
// array-like, kept on the register stack during the call (Function.prototype.
// apply, Reflect.apply, Reflect.construct; builtins/function.cpp).
Value apply_array_like(VM& vm, Value fn, Value this_value, Value array_like, bool construct,
                       Value new_target = Value::undefined());
// WeakMap, WeakSet, WeakRef, FinalizationRegistry (builtins/weak.cpp).
void install_weak(VM& vm, Object* global);
// ArrayBuffer and DataView (builtins/array_buffer.cpp), SharedArrayBuffer
// (builtins/shared_array_buffer.cpp); %TypedArray% and the typed array
// constructors (builtins/typed_array.cpp); Atomics (builtins/atomics.cpp).
void install_array_buffer(VM& vm, Object* global);
void install_shared_array_buffer(VM& vm, Object* global);
void install_typed_arrays(VM& vm, Object* global);
void install_atomics(VM& vm, Object* global);
// The receiver of an ArrayBuffer.prototype (`shared` false) or a
// SharedArrayBuffer.prototype (`shared` true) method: RequireInternalSlot(O,
// [[ArrayBufferData]]) and IsSharedArrayBuffer(O) == shared, else a TypeError.
ArrayBufferObject* this_buffer_of(VM& vm, CallInfo& ci, bool shared, std::string_view method);
// GetPrototypeFromConstructor (10.1.14): new_target.prototype, or `fallback`
// when that is not an object.
Object* prototype_from_constructor(VM& vm, Value new_target, Object* fallback);
// The wrapper object of a Boolean, Number or String made by `new`: ToObject
// of `prim` with the prototype from `new_target` (a subclass's).
Object* primitive_wrapper(VM& vm, Value prim, Value new_target, Object* fallback);
// ToIndex (7.1.22); a RangeError names `what`.
std::size_t to_index(VM& vm, Value v, std::string_view what);
// A relative index argument (slice, fill, subarray): ToIntegerOrInfinity,
// counted from the end when negative, clamped to 0..len; `if_undefined` for
// an undefined argument.
double relative_index(VM& vm, Value v, double len, double if_undefined);

// The comparator argument of sort/toSorted (Array and %TypedArray%):
// undefined or callable, else a TypeError (builtins/array.cpp).
Value comparefn_arg(VM& vm, CallInfo& ci);
// SpeciesConstructor (7.3.22).
Value species_constructor(VM& vm, Object* o, Value default_ctor);
// console.log of a Date: its ISO string, or "Invalid Date".
std::string date_inspect(Object* date);  // after Array, Map and Set (Symbol.species)

// IsRegExp (7.2.8).
bool is_regexp(VM& vm, Value v);
// GetSubstitution (22.1.3.19.1), appending to `out`.
void get_substitution(VM& vm, String* matched, String* str, std::uint32_t position,
                      std::span<const Value> captures, Value named, String* replacement,
                      StringBuilder& out);

// Creates a constructor function `name` with `prototype` linked both ways
// and stores it on `global`.
NativeFunction* make_constructor(VM& vm, Object* global, std::string_view name, NativeFn fn,
                                 std::uint32_t length, Object* prototype);

// The `this` value as an object of the given class, or a TypeError naming
// the method.
Object* this_object_of(VM& vm, CallInfo& ci, ObjectClass klass, std::string_view method);

// Iterator objects over arrays (kind 0 values, 1 keys, 2 entries), strings,
// Maps and Sets (kind as for arrays).
Value make_array_iterator(VM& vm, Value target, int kind);
Value make_string_iterator(VM& vm, Value str);
Value make_collection_iterator(VM& vm, Value collection, bool is_map, int kind);

// CreateIterResultObject (7.4.14).
Value create_iter_result(VM& vm, Value value, bool done);
void install_generators(VM& vm, Object* global);
// %AsyncIteratorPrototype%, async generators, %AsyncFromSyncIteratorPrototype%
// (builtins/async_iteration.cpp).
void install_async_iteration(VM& vm, Object* global);

// console.log formatting (Node's util.inspect for the common cases).
std::string inspect(VM& vm, Value v);

// JSON.stringify of one value with default options (the runtime's
// Response.json uses it). Returns false when the value is not serializable.
bool json_stringify(VM& vm, Value v, std::string& out);

}  // namespace kite::vm::builtins
