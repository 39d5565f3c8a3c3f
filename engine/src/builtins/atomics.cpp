// The Atomics object (ECMA-262 25.4) over integer typed arrays, shared or
// not. Kite runs one agent per engine: no other thread sees a buffer's
// bytes, so a read-modify-write is a plain read and write, no waiter list
// ever holds anyone, and the main agent cannot block ([[CanBlock]] false):
// Atomics.wait validates its arguments and then throws a TypeError, and
// Atomics.notify wakes no one. Atomics.waitAsync and Atomics.pause
// (ES2024+) are not built.
#include <cstring>

#include "builtins/builtins.h"
#include "objects/bigint.h"
#include "objects/typed_array.h"

namespace kite::vm::builtins {

namespace {

// The read-modify-write operations of AtomicReadModifyWrite (25.4.3.17),
// one NativeFunction each (NativeFunction::data).
enum class AtomicOp : std::uint8_t { kAdd, kAnd, kExchange, kOr, kSub, kXor };

TypedArrayObject* as_typed_array(Value v) {
  return static_cast<TypedArrayObject*>(v.as_object());
}

// ValidateIntegerTypedArray (25.4.3.1): a typed array on a live buffer whose
// elements are integers (Int32Array or BigInt64Array when `waitable`).
TypedArrayObject* validate_integer_typed_array(VM& vm, Value v, bool waitable,
                                               std::string_view method) {
  if (!v.is_object() || v.as_object()->klass() != ObjectClass::kTypedArray) {
    vm.throw_type_error(std::string(method) + ": the first argument is not a typed array");
  }
  TypedArrayObject* ta = as_typed_array(v);
  if (ta->is_detached()) {
    vm.throw_type_error("Cannot perform " + std::string(method) + " on a detached ArrayBuffer");
  }
  ElementKind k = ta->kind;
  if (waitable) {
    if (k != ElementKind::kInt32 && k != ElementKind::kBigInt64) {
      vm.throw_type_error(std::string(method) + " needs an Int32Array or a BigInt64Array, not " +
                          element_kind_name(k));
    }
  } else if (k == ElementKind::kUint8Clamped || k == ElementKind::kFloat32 ||
             k == ElementKind::kFloat64) {
    vm.throw_type_error(std::string(method) + " needs an integer typed array, not " +
                        element_kind_name(k));
  }
  return ta;
}

// ValidateAtomicAccess (25.4.3.2): the element index, checked against the
// length the array had before ToIndex ran user code.
std::uint32_t validate_atomic_access(VM& vm, TypedArrayObject* ta, Value request_index) {
  std::uint32_t length = ta->length;
  std::size_t index = to_index(vm, request_index, "atomic access index");
  if (index >= length) vm.throw_range_error("Invalid atomic access index");
  return static_cast<std::uint32_t>(index);
}

// RevalidateAtomicAccess (25.4.3.3) for a fixed-length buffer: the value
// conversions may have detached it. Returns the element's bytes.
std::uint8_t* revalidate_atomic_access(VM& vm, TypedArrayObject* ta, std::uint32_t index,
                                       std::string_view method) {
  if (ta->is_detached()) {
    vm.throw_type_error("Cannot perform " + std::string(method) + " on a detached ArrayBuffer");
  }
  return ta->bytes() + std::size_t{index} * ta->element_bytes();
}

// The element's bits, zero-extended.
std::uint64_t read_raw(const std::uint8_t* p, std::uint32_t size) {
  switch (size) {
    case 1:
      return *p;
    case 2: {
      std::uint16_t v;
      std::memcpy(&v, p, 2);
      return v;
    }
    case 4: {
      std::uint32_t v;
      std::memcpy(&v, p, 4);
      return v;
    }
    default: {
      std::uint64_t v;
      std::memcpy(&v, p, 8);
      return v;
    }
  }
}

// Stores the low `size` bytes of `bits` (NumericToRawBytes of an integer
// type is this truncation).
void write_raw(std::uint8_t* p, std::uint32_t size, std::uint64_t bits) {
  switch (size) {
    case 1:
      *p = static_cast<std::uint8_t>(bits);
      return;
    case 2: {
      auto v = static_cast<std::uint16_t>(bits);
      std::memcpy(p, &v, 2);
      return;
    }
    case 4: {
      auto v = static_cast<std::uint32_t>(bits);
      std::memcpy(p, &v, 4);
      return;
    }
    default:
      std::memcpy(p, &bits, 8);
      return;
  }
}

// The value argument of the read-modify-write operations as the bits of an
// element: ToBigInt for a BigInt array, ToIntegerOrInfinity otherwise,
// then the modular conversion of NumericToRawBytes.
std::uint64_t to_raw_bits(VM& vm, ElementKind kind, Value v) {
  if (is_bigint_kind(kind)) return vm.to_bigint(v).as_bigint()->num.low64();
  return modular_bits(vm.to_integer_or_infinity(v));
}

// RawBytesToNumeric of bits read from an element.
Value raw_bits_value(VM& vm, ElementKind kind, std::uint64_t bits) {
  std::uint8_t bytes[8];
  write_raw(bytes, element_size(kind), bits);
  return vm.typed_array_load(kind, bytes);
}

// AtomicReadModifyWrite (25.4.3.17): Atomics.add, and, exchange, or, sub, xor.
Value atomic_read_modify_write(VM& vm, CallInfo& ci) {
  auto op = static_cast<AtomicOp>(static_cast<NativeFunction*>(ci.callee)->data.as_int32());
  static constexpr std::string_view kNames[] = {"Atomics.add", "Atomics.and", "Atomics.exchange",
                                                "Atomics.or",  "Atomics.sub", "Atomics.xor"};
  std::string_view method = kNames[static_cast<int>(op)];
  TypedArrayObject* ta = validate_integer_typed_array(vm, ci.arg(0), false, method);
  Rooted rt(vm, Value::object(ta));
  std::uint32_t index = validate_atomic_access(vm, ta, ci.arg(1));
  std::uint64_t v = to_raw_bits(vm, ta->kind, ci.arg(2));
  ta = as_typed_array(rt.get());
  std::uint8_t* p = revalidate_atomic_access(vm, ta, index, method);
  std::uint32_t size = ta->element_bytes();
  std::uint64_t old = read_raw(p, size);
  std::uint64_t result = 0;
  switch (op) {
    case AtomicOp::kAdd:
      result = old + v;
      break;
    case AtomicOp::kAnd:
      result = old & v;
      break;
    case AtomicOp::kExchange:
      result = v;
      break;
    case AtomicOp::kOr:
      result = old | v;
      break;
    case AtomicOp::kSub:
      result = old - v;
      break;
    case AtomicOp::kXor:
      result = old ^ v;
      break;
  }
  write_raw(p, size, result);
  return raw_bits_value(vm, ta->kind, old);
}

// Atomics.compareExchange(typedArray, index, expectedValue, replacementValue) (25.4.5).
Value atomics_compare_exchange(VM& vm, CallInfo& ci) {
  constexpr std::string_view kMethod = "Atomics.compareExchange";
  TypedArrayObject* ta = validate_integer_typed_array(vm, ci.arg(0), false, kMethod);
  Rooted rt(vm, Value::object(ta));
  std::uint32_t index = validate_atomic_access(vm, ta, ci.arg(1));
  ElementKind kind = ta->kind;
  std::uint64_t expected = to_raw_bits(vm, kind, ci.arg(2));
  std::uint64_t replacement = to_raw_bits(vm, kind, ci.arg(3));
  ta = as_typed_array(rt.get());
  std::uint8_t* p = revalidate_atomic_access(vm, ta, index, kMethod);
  std::uint32_t size = element_size(kind);
  std::uint64_t old = read_raw(p, size);
  // ByteListEqual of the raw bytes: the expected value as the element type.
  std::uint64_t mask = size == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * size)) - 1;
  if (old == (expected & mask)) write_raw(p, size, replacement);
  return raw_bits_value(vm, kind, old);
}

// Atomics.isLockFree(size) (25.4.7): every size an integer typed array has.
Value atomics_is_lock_free(VM& vm, CallInfo& ci) {
  double n = vm.to_integer_or_infinity(ci.arg(0));
  return Value::boolean(n == 1 || n == 2 || n == 4 || n == 8);
}

// Atomics.load(typedArray, index) (25.4.8).
Value atomics_load(VM& vm, CallInfo& ci) {
  constexpr std::string_view kMethod = "Atomics.load";
  TypedArrayObject* ta = validate_integer_typed_array(vm, ci.arg(0), false, kMethod);
  Rooted rt(vm, Value::object(ta));
  std::uint32_t index = validate_atomic_access(vm, ta, ci.arg(1));
  ta = as_typed_array(rt.get());
  const std::uint8_t* p = revalidate_atomic_access(vm, ta, index, kMethod);
  return vm.typed_array_load(ta->kind, p);
}

// Atomics.store(typedArray, index, value) (25.4.10): returns the value
// stored before its conversion to the element type (ToIntegerOrInfinity of
// a Number, so -0 is +0 and 3.7 is 3).
Value atomics_store(VM& vm, CallInfo& ci) {
  constexpr std::string_view kMethod = "Atomics.store";
  TypedArrayObject* ta = validate_integer_typed_array(vm, ci.arg(0), false, kMethod);
  Rooted rt(vm, Value::object(ta));
  std::uint32_t index = validate_atomic_access(vm, ta, ci.arg(1));
  Rooted v(vm, is_bigint_kind(ta->kind) ? vm.to_bigint(ci.arg(2))
                                        : Value::number(vm.to_integer_or_infinity(ci.arg(2))));
  ta = as_typed_array(rt.get());
  std::uint8_t* p = revalidate_atomic_access(vm, ta, index, kMethod);
  vm.typed_array_store(ta->kind, p, v.get());
  return v.get();
}

// Atomics.wait(typedArray, index, value, timeout) (25.4.13), DoWait
// (25.4.3.14) in sync mode: every argument is validated and converted in
// the spec's order, then AgentCanSuspend() is false for Kite's one agent.
Value atomics_wait(VM& vm, CallInfo& ci) {
  constexpr std::string_view kMethod = "Atomics.wait";
  TypedArrayObject* ta = validate_integer_typed_array(vm, ci.arg(0), true, kMethod);
  if (!ta->buffer->shared) {
    vm.throw_type_error("Atomics.wait needs a typed array on a SharedArrayBuffer");
  }
  Rooted rt(vm, Value::object(ta));
  validate_atomic_access(vm, ta, ci.arg(1));
  if (is_bigint_kind(as_typed_array(rt.get())->kind)) {
    vm.to_bigint(ci.arg(2));  // ToBigInt64
  } else {
    vm.to_number(ci.arg(2));  // ToInt32
  }
  vm.to_number(ci.arg(3));
  vm.throw_type_error("Atomics.wait cannot be called in this context: the agent cannot block");
}

// Atomics.notify(typedArray, index, count) (25.4.15): no agent ever waits,
// so it wakes none.
Value atomics_notify(VM& vm, CallInfo& ci) {
  TypedArrayObject* ta = validate_integer_typed_array(vm, ci.arg(0), true, "Atomics.notify");
  validate_atomic_access(vm, ta, ci.arg(1));
  if (!ci.arg(2).is_undefined()) vm.to_integer_or_infinity(ci.arg(2));
  return Value::int32(0);
}

}  // namespace

void install_atomics(VM& vm, Object* global) {
  Object* atomics = vm.new_object();
  Rooted ra(vm, Value::object(atomics));
  vm.define_value(global, "Atomics", ra.get());
  static constexpr struct {
    const char* name;
    AtomicOp op;
  } kReadModifyWrite[] = {
      {"add", AtomicOp::kAdd}, {"and", AtomicOp::kAnd}, {"exchange", AtomicOp::kExchange},
      {"or", AtomicOp::kOr},   {"sub", AtomicOp::kSub}, {"xor", AtomicOp::kXor},
  };
  for (const auto& f : kReadModifyWrite) {
    vm.define_native(ra.object(), f.name, atomic_read_modify_write, 3)->data =
        Value::int32(static_cast<std::int32_t>(f.op));
  }
  vm.define_native(ra.object(), "compareExchange", atomics_compare_exchange, 4);
  vm.define_native(ra.object(), "isLockFree", atomics_is_lock_free, 1);
  vm.define_native(ra.object(), "load", atomics_load, 2);
  vm.define_native(ra.object(), "store", atomics_store, 3);
  vm.define_native(ra.object(), "wait", atomics_wait, 4);
  vm.define_native(ra.object(), "notify", atomics_notify, 3);
  vm.define_own_property(ra.object(), PropertyKey::symbol(vm.intrinsics().symbol_to_string_tag),
                         Value::string(vm.intern("Atomics")), attr::kConfigurable);
}

}  // namespace kite::vm::builtins
