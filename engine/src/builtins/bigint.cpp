// BigInt (ECMA-262 21.2): the BigInt function (not a constructor),
// BigInt.asIntN/asUintN and BigInt.prototype. The arithmetic is
// util/bigint.cpp; the operators are vm/bigint.cpp.
#include <cmath>
#include <string>

#include "builtins/builtins.h"
#include "objects/bigint.h"

namespace kite::vm::builtins {

namespace {

// The limit VM::new_bigint enforces, for asUintN's negative inputs.
constexpr std::uint64_t kMaxBits = std::uint64_t{1} << 30;

// 21.2.1.1 BigInt(value)
Value bigint_fn(VM& vm, CallInfo& ci) {
  if (!ci.new_target.is_undefined()) vm.throw_type_error("BigInt is not a constructor");
  Value prim = vm.to_primitive(ci.arg(0), 1);
  if (prim.is_number()) {
    // NumberToBigInt (21.2.1.1.1).
    double d = prim.as_number();
    if (!std::isfinite(d) || d != std::trunc(d)) {
      vm.throw_range_error("The number " + vm.describe(prim) +
                           " cannot be converted to a BigInt because it is not an integer");
    }
    return vm.new_bigint(util::BigNum::from_double(d));
  }
  return vm.to_bigint(prim);
}

Value as_n(VM& vm, CallInfo& ci, bool is_signed) {
  std::size_t bits = to_index(vm, ci.arg(0), "value: not (convertible to) a safe integer");
  Rooted big(vm, vm.to_bigint(ci.arg(1)));
  const util::BigNum& n = big.get().as_bigint()->num;
  std::uint64_t len = n.bit_length();
  if (is_signed) {
    // Already within [-2^(bits-1), 2^(bits-1)): unchanged.
    if (bits > len) return big.get();
    return vm.new_bigint(util::as_int_n(n, bits));
  }
  if (!n.negative && bits >= len) return big.get();
  if (n.negative && bits > kMaxBits) vm.throw_range_error("Maximum BigInt size exceeded");
  return vm.new_bigint(util::as_uint_n(n, bits));
}

Value bigint_as_int_n(VM& vm, CallInfo& ci) {
  return as_n(vm, ci, true);
}
Value bigint_as_uint_n(VM& vm, CallInfo& ci) {
  return as_n(vm, ci, false);
}

// thisBigIntValue (21.2.3.4.1).
Value this_bigint(VM& vm, CallInfo& ci, const char* method) {
  Value t = ci.this_value;
  if (t.is_bigint()) return t;
  if (t.is_object() && t.as_object()->klass() == ObjectClass::kBigIntObject) {
    return t.as_object()->internal();
  }
  vm.throw_type_error(std::string(method) + " requires that 'this' be a BigInt");
}

Value bigint_to_string(VM& vm, CallInfo& ci) {
  Rooted v(vm, this_bigint(vm, ci, "BigInt.prototype.toString"));
  int radix = 10;
  if (!ci.arg(0).is_undefined()) {
    double r = vm.to_integer_or_infinity(ci.arg(0));
    if (r < 2 || r > 36) vm.throw_range_error("toString() radix must be between 2 and 36");
    radix = static_cast<int>(r);
  }
  return Value::string(vm.bigint_to_string(v.get(), radix));
}

Value bigint_to_locale_string(VM& vm, CallInfo& ci) {
  return Value::string(vm.bigint_to_string(this_bigint(vm, ci, "BigInt.prototype.toLocaleString")));
}

Value bigint_value_of(VM& vm, CallInfo& ci) {
  return this_bigint(vm, ci, "BigInt.prototype.valueOf");
}

}  // namespace

void install_bigint(VM& vm, Object* global) {
  Intrinsics& in = vm.intrinsics();
  Rooted rg(vm, Value::object(global));
  in.bigint_prototype = vm.new_object_with_proto(in.object_prototype);
  Object* proto = in.bigint_prototype;
  NativeFunction* ctor = make_constructor(vm, rg.object(), "BigInt", bigint_fn, 1, proto);
  vm.define_native(ctor, "asIntN", bigint_as_int_n, 2);
  vm.define_native(ctor, "asUintN", bigint_as_uint_n, 2);
  vm.define_native(in.bigint_prototype, "toString", bigint_to_string, 0);
  vm.define_native(in.bigint_prototype, "toLocaleString", bigint_to_locale_string, 0);
  vm.define_native(in.bigint_prototype, "valueOf", bigint_value_of, 0);
  vm.define_own_property(in.bigint_prototype, PropertyKey::symbol(in.symbol_to_string_tag),
                         Value::string(vm.intern("BigInt")), attr::kConfigurable);
}

}  // namespace kite::vm::builtins
