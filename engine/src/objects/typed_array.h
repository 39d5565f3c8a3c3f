// Binary data (ECMA-262 25.1 ArrayBuffer, 25.2 SharedArrayBuffer, 23.2
// TypedArray, 25.3 DataView): an ArrayBufferObject owns a block of bytes;
// a TypedArrayObject or a DataViewObject is a window onto one. Elements
// are read and written in the host's byte order (x86-64: little-endian),
// which is what typed arrays use; DataView swaps when asked for big-endian.
//
// Typed arrays are integer-indexed exotic objects (10.4.5): a canonical
// numeric key ("3", "-0", "1.5") never reaches the prototype chain or the
// object's own properties. VM::get/set/define_own_property/... route those
// keys here (objects/object.cpp); the interpreter reads and writes in-range
// int32 indices directly (vm/interpreter.cpp).
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

#include "objects/object.h"
#include "objects/value.h"

namespace kite::vm {

// The element types, in the order of Table 71 (ECMA-262 23.2).
enum class ElementKind : std::uint8_t {
  kInt8,
  kUint8,
  kUint8Clamped,
  kInt16,
  kUint16,
  kInt32,
  kUint32,
  kFloat32,
  kFloat64,
  kBigInt64,  // content type BigInt: elements are BigInt values
  kBigUint64,
};
inline constexpr int kElementKindCount = 11;

inline constexpr bool is_bigint_kind(ElementKind k) {
  return k >= ElementKind::kBigInt64;
}

inline constexpr std::uint32_t element_size(ElementKind k) {
  switch (k) {
    case ElementKind::kInt8:
    case ElementKind::kUint8:
    case ElementKind::kUint8Clamped:
      return 1;
    case ElementKind::kInt16:
    case ElementKind::kUint16:
      return 2;
    case ElementKind::kInt32:
    case ElementKind::kUint32:
    case ElementKind::kFloat32:
      return 4;
    case ElementKind::kFloat64:
    case ElementKind::kBigInt64:
    case ElementKind::kBigUint64:
      return 8;
  }
  return 1;
}

// "Uint8Array" etc.
const char* element_kind_name(ElementKind k);

// The largest buffer Kite allocates (a larger request is a RangeError, as
// V8's "Array buffer allocation failed"); also keeps every element count
// within uint32.
inline constexpr std::size_t kMaxByteLength = std::size_t{1} << 31;

// An ArrayBuffer, or a SharedArrayBuffer (25.2) when `shared`: the same
// bytes, but a shared buffer is never detached and the two prototypes'
// methods each refuse the other kind (IsSharedArrayBuffer). Kite runs one
// agent per engine, so no other thread ever sees a shared buffer's bytes.
class ArrayBufferObject : public Object {
 public:
  ArrayBufferObject(Shape* shape, Value* inline_slots, std::uint32_t cap)
      : Object(shape, inline_slots, cap, ObjectClass::kArrayBuffer) {}
  std::uint8_t* data = nullptr;  // malloc'd; null when empty or detached
  std::size_t byte_length = 0;
  bool detached = false;
  bool shared = false;  // a SharedArrayBuffer
};

// A typed array: `length` elements of `kind` at `byte_offset` in `buffer`.
// A detached buffer makes the length read as 0 (IsValidIntegerIndex).
class TypedArrayObject : public Object {
 public:
  TypedArrayObject(Shape* shape, Value* inline_slots, std::uint32_t cap)
      : Object(shape, inline_slots, cap, ObjectClass::kTypedArray) {
    flags_ |= kTypedArrayFlag;
  }
  ArrayBufferObject* buffer = nullptr;
  std::size_t byte_offset = 0;
  std::uint32_t length = 0;
  ElementKind kind = ElementKind::kUint8;

  bool is_detached() const { return buffer->detached; }
  // The element count a reader sees now: 0 once the buffer is detached.
  std::uint32_t live_length() const { return buffer->detached ? 0 : length; }
  std::uint32_t element_bytes() const { return element_size(kind); }
  std::uint8_t* bytes() const { return buffer->data + byte_offset; }
};

class DataViewObject : public Object {
 public:
  DataViewObject(Shape* shape, Value* inline_slots, std::uint32_t cap)
      : Object(shape, inline_slots, cap, ObjectClass::kDataView) {}
  ArrayBufferObject* buffer = nullptr;
  std::size_t byte_offset = 0;
  std::size_t byte_length = 0;
};

// IsValidIntegerIndex (10.4.5.14).
inline bool is_valid_integer_index(const TypedArrayObject* ta, double index) {
  if (ta->is_detached()) return false;
  if (!(index >= 0) || index >= ta->length) return false;  // also NaN
  if (index != static_cast<double>(static_cast<std::uint32_t>(index))) return false;
  return !(index == 0 && std::signbit(index));
}

// ---- element conversions (7.1.6-11, 25.1.3.17 NumericToRawBytes) ----

// The element at `p` (aligned or not) as a Value: Number kinds only (a
// BigInt element needs a heap cell: VM::typed_array_load).
inline Value load_element(ElementKind k, const std::uint8_t* p) {
  switch (k) {
    case ElementKind::kInt8:
      return Value::int32(static_cast<std::int8_t>(*p));
    case ElementKind::kUint8:
    case ElementKind::kUint8Clamped:
      return Value::int32(*p);
    case ElementKind::kInt16: {
      std::int16_t v;
      std::memcpy(&v, p, 2);
      return Value::int32(v);
    }
    case ElementKind::kUint16: {
      std::uint16_t v;
      std::memcpy(&v, p, 2);
      return Value::int32(v);
    }
    case ElementKind::kInt32: {
      std::int32_t v;
      std::memcpy(&v, p, 4);
      return Value::int32(v);
    }
    case ElementKind::kUint32: {
      std::uint32_t v;
      std::memcpy(&v, p, 4);
      return Value::number(v);
    }
    case ElementKind::kFloat32: {
      float v;
      std::memcpy(&v, p, 4);
      return Value::number(static_cast<double>(v));
    }
    case ElementKind::kFloat64: {
      double v;
      std::memcpy(&v, p, 8);
      return Value::number(v);
    }
    case ElementKind::kBigInt64:
    case ElementKind::kBigUint64:
      break;
  }
  return Value::undefined();
}

// ToInt32-style modular conversion of a double to an integer of `bits`.
inline std::uint32_t modular_bits(double d) {
  // Within +-2^63 the truncating conversion through int64 wraps exactly.
  if (d > -9.2e18 && d < 9.2e18) return static_cast<std::uint32_t>(static_cast<std::int64_t>(d));
  if (!std::isfinite(d)) return 0;
  double t = std::trunc(d);
  double m = std::fmod(t, 4294967296.0);
  if (m < 0) m += 4294967296.0;
  return static_cast<std::uint32_t>(m);
}

// ToUint8Clamp (7.1.12): round half to even, clamped to 0..255.
inline std::uint8_t to_uint8_clamp(double d) {
  if (!(d > 0)) return 0;  // also NaN
  if (d >= 255) return 255;
  double f = std::floor(d);
  if (f + 0.5 < d) return static_cast<std::uint8_t>(f + 1);
  if (d < f + 0.5) return static_cast<std::uint8_t>(f);
  auto i = static_cast<std::uint8_t>(f);
  return (i & 1) != 0 ? static_cast<std::uint8_t>(i + 1) : i;
}

// Stores the number `d` at `p` as an element of `k`.
inline void store_element(ElementKind k, std::uint8_t* p, double d) {
  switch (k) {
    case ElementKind::kInt8:
    case ElementKind::kUint8:
      *p = static_cast<std::uint8_t>(modular_bits(d));
      return;
    case ElementKind::kUint8Clamped:
      *p = to_uint8_clamp(d);
      return;
    case ElementKind::kInt16:
    case ElementKind::kUint16: {
      auto v = static_cast<std::uint16_t>(modular_bits(d));
      std::memcpy(p, &v, 2);
      return;
    }
    case ElementKind::kInt32:
    case ElementKind::kUint32: {
      std::uint32_t v = modular_bits(d);
      std::memcpy(p, &v, 4);
      return;
    }
    case ElementKind::kFloat32: {
      auto v = static_cast<float>(d);
      std::memcpy(p, &v, 4);
      return;
    }
    case ElementKind::kFloat64:
      std::memcpy(p, &d, 8);
      return;
    case ElementKind::kBigInt64:
    case ElementKind::kBigUint64:
      return;  // VM::typed_array_store
  }
}

// The same for an int32 (the interpreter's common case: no fmod).
inline void store_element_int(ElementKind k, std::uint8_t* p, std::int32_t i) {
  switch (k) {
    case ElementKind::kInt8:
    case ElementKind::kUint8:
      *p = static_cast<std::uint8_t>(i);
      return;
    case ElementKind::kUint8Clamped:
      *p = i < 0 ? 0 : i > 255 ? 255 : static_cast<std::uint8_t>(i);
      return;
    case ElementKind::kInt16:
    case ElementKind::kUint16: {
      auto v = static_cast<std::uint16_t>(i);
      std::memcpy(p, &v, 2);
      return;
    }
    case ElementKind::kInt32:
    case ElementKind::kUint32:
      std::memcpy(p, &i, 4);
      return;
    case ElementKind::kFloat32: {
      auto v = static_cast<float>(i);
      std::memcpy(p, &v, 4);
      return;
    }
    case ElementKind::kFloat64: {
      auto v = static_cast<double>(i);
      std::memcpy(p, &v, 8);
      return;
    }
    case ElementKind::kBigInt64:
    case ElementKind::kBigUint64:
      return;  // VM::typed_array_store
  }
}

}  // namespace kite::vm
