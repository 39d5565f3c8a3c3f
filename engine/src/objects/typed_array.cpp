// The typed arrays' element access as an integer-indexed exotic object
// (ECMA-262 10.4.5): which keys are numeric, and reading and writing one
// element with the checks IsValidIntegerIndex asks for. objects/object.cpp
// calls these from the object operations.
#include "objects/typed_array.h"

#include <string>

#include "objects/bigint.h"
#include "objects/string.h"
#include "util/numbers.h"
#include "vm/vm.h"

namespace kite::vm {

const char* element_kind_name(ElementKind k) {
  static constexpr const char* kNames[kElementKindCount] = {
      "Int8Array",    "Uint8Array",    "Uint8ClampedArray", "Int16Array",
      "Uint16Array",  "Int32Array",    "Uint32Array",       "Float32Array",
      "Float64Array", "BigInt64Array", "BigUint64Array",
  };
  return kNames[static_cast<int>(k)];
}

bool VM::canonical_numeric_key(PropertyKey key, double* out) {
  if (key.is_index()) {
    *out = key.as_index();
    return true;
  }
  if (!key.is_atom()) return false;
  String* s = key.as_atom();
  std::uint32_t n = s->length();
  if (n == 0 || n > 32 || s->is_rope() || !s->is_one_byte()) return false;
  const auto* c = reinterpret_cast<const char*>(s->chars8());
  // Every Number's ToString starts with a digit, '-', 'I' or 'N'.
  if (!((c[0] >= '0' && c[0] <= '9') || c[0] == '-' || c[0] == 'I' || c[0] == 'N')) return false;
  std::string_view text(c, n);
  if (text == "-0") {
    *out = -0.0;
    return true;
  }
  double d = util::string_to_number(text);
  std::string back;
  util::number_to_string(d, back);
  if (back != text) return false;
  *out = d;
  return true;
}

Value VM::typed_array_get(TypedArrayObject* ta, double index) {
  if (!is_valid_integer_index(ta, index)) return Value::undefined();
  auto i = static_cast<std::uint32_t>(index);
  return typed_array_load(ta->kind, ta->bytes() + std::size_t{i} * ta->element_bytes());
}

Value VM::typed_array_load(ElementKind kind, const std::uint8_t* p) {
  if (!is_bigint_kind(kind)) return load_element(kind, p);
  std::uint64_t bits;
  std::memcpy(&bits, p, 8);
  if (kind == ElementKind::kBigInt64) {
    return new_bigint(util::BigNum::from_int64(static_cast<std::int64_t>(bits)));
  }
  return new_bigint(util::BigNum::from_uint64(bits));
}

void VM::typed_array_store(ElementKind kind, std::uint8_t* p, Value numeric) {
  if (is_bigint_kind(kind)) {
    std::uint64_t bits = numeric.as_bigint()->num.low64();  // BigInt::asUintN(64, v)
    std::memcpy(p, &bits, 8);
  } else if (numeric.is_int32()) {
    store_element_int(kind, p, numeric.as_int32());
  } else {
    store_element(kind, p, numeric.as_double());
  }
}

Value VM::to_element_value(ElementKind kind, Value v) {
  if (is_bigint_kind(kind)) return to_bigint(v);
  if (v.is_number()) return v;
  return Value::number(to_number(v));
}

void VM::typed_array_set(TypedArrayObject* ta, double index, Value v) {
  if (is_bigint_kind(ta->kind)) {
    Rooted rt(*this, Value::object(ta));
    Rooted b(*this, to_bigint(v));  // may run user code that detaches the buffer
    if (!is_valid_integer_index(ta, index)) return;
    auto i = static_cast<std::uint32_t>(index);
    typed_array_store(ta->kind, ta->bytes() + std::size_t{i} * ta->element_bytes(), b.get());
    return;
  }
  double d;
  if (v.is_int32()) {
    if (is_valid_integer_index(ta, index)) {
      auto i = static_cast<std::uint32_t>(index);
      store_element_int(ta->kind, ta->bytes() + std::size_t{i} * ta->element_bytes(), v.as_int32());
    }
    return;
  }
  if (v.is_number()) {
    d = v.as_number();
  } else {
    Rooted rt(*this, Value::object(ta));
    d = to_number(v);  // may run user code that detaches the buffer
  }
  if (!is_valid_integer_index(ta, index)) return;
  auto i = static_cast<std::uint32_t>(index);
  store_element(ta->kind, ta->bytes() + std::size_t{i} * ta->element_bytes(), d);
}

}  // namespace kite::vm
