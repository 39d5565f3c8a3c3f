// Number and Boolean (ECMA-262 21.1, 20.3).
#include <cfloat>
#include <cmath>

#include "builtins/builtins.h"
#include "objects/bigint.h"
#include "util/numbers.h"

namespace kite::vm::builtins {

// OrdinaryCreateFromConstructor(NewTarget, fallback) holding `prim` (the
// last steps of Boolean, Number and String, 20.3.1.1, 21.1.1.1, 22.1.1.1).
Object* primitive_wrapper(VM& vm, Value prim, Value new_target, Object* fallback) {
  Rooted rp(vm, prim);
  Rooted proto(vm, Value::object(prototype_from_constructor(vm, new_target, fallback)));
  Object* o = vm.to_object(rp.get());
  if (proto.object() != fallback) vm.set_prototype(o, proto.object());
  return o;
}

namespace {

Value number_ctor(VM& vm, CallInfo& ci) {
  // ToNumeric, then a BigInt becomes the nearest Number (21.1.1.1).
  Value arg = ci.arg(0);
  Value prim = ci.argc == 0      ? Value::int32(0)
               : arg.is_string() ? Value::number(vm.to_number(arg))
                                 : vm.to_numeric(arg);
  double d = prim.is_bigint() ? prim.as_bigint()->num.to_double() : prim.as_number();
  Value n = Value::number(d);
  if (ci.new_target.is_undefined()) return n;
  return Value::object(primitive_wrapper(vm, n, ci.new_target, vm.intrinsics().number_prototype));
}

double this_number(VM& vm, CallInfo& ci, const char* method) {
  Value t = ci.this_value;
  if (t.is_number()) return t.as_number();
  if (t.is_object() && t.as_object()->klass() == ObjectClass::kNumber)
    return t.as_object()->internal().as_number();
  vm.throw_type_error(std::string("Number.prototype.") + method +
                      " requires that 'this' be a Number");
}

Value number_to_string(VM& vm, CallInfo& ci) {
  double d = this_number(vm, ci, "toString");
  double radix = ci.arg(0).is_undefined() ? 10 : vm.to_integer_or_infinity(ci.arg(0));
  if (radix < 2 || radix > 36)
    vm.throw_range_error("toString() radix argument must be between 2 and 36");
  if (radix == 10) return Value::string(vm.number_to_string(d));
  return Value::string(
      vm.new_string_ascii(util::number_to_string_radix(d, static_cast<int>(radix))));
}

Value number_to_locale_string(VM& vm, CallInfo& ci) {
  return Value::string(vm.number_to_string(this_number(vm, ci, "toLocaleString")));
}

Value number_value_of(VM& vm, CallInfo& ci) {
  return Value::number(this_number(vm, ci, "valueOf"));
}

Value number_to_fixed(VM& vm, CallInfo& ci) {
  double d = this_number(vm, ci, "toFixed");
  double f = vm.to_integer_or_infinity(ci.arg(0));
  if (f < 0 || f > 100) vm.throw_range_error("toFixed() digits argument must be between 0 and 100");
  return Value::string(vm.new_string_ascii(util::to_fixed(d, static_cast<int>(f))));
}

Value number_to_precision(VM& vm, CallInfo& ci) {
  double d = this_number(vm, ci, "toPrecision");
  if (ci.arg(0).is_undefined()) return Value::string(vm.number_to_string(d));
  double p = vm.to_integer_or_infinity(ci.arg(0));
  if (!std::isfinite(d)) return Value::string(vm.number_to_string(d));
  if (p < 1 || p > 100) vm.throw_range_error("toPrecision() argument must be between 1 and 100");
  return Value::string(vm.new_string_ascii(util::to_precision(d, static_cast<int>(p))));
}

Value number_to_exponential(VM& vm, CallInfo& ci) {
  double d = this_number(vm, ci, "toExponential");
  double f = vm.to_integer_or_infinity(ci.arg(0));
  if (!std::isfinite(d)) return Value::string(vm.number_to_string(d));
  if (f < 0 || f > 100) vm.throw_range_error("toExponential() argument must be between 0 and 100");
  int digits = ci.arg(0).is_undefined() ? -1 : static_cast<int>(f);
  return Value::string(vm.new_string_ascii(util::to_exponential(d, digits)));
}

Value number_is_integer(VM&, CallInfo& ci) {
  Value v = ci.arg(0);
  if (!v.is_number()) return Value::boolean(false);
  double d = v.as_number();
  return Value::boolean(std::isfinite(d) && std::trunc(d) == d);
}

Value number_is_safe_integer(VM&, CallInfo& ci) {
  Value v = ci.arg(0);
  if (!v.is_number()) return Value::boolean(false);
  double d = v.as_number();
  return Value::boolean(std::isfinite(d) && std::trunc(d) == d &&
                        std::fabs(d) <= 9007199254740991.0);
}

Value number_is_finite(VM&, CallInfo& ci) {
  Value v = ci.arg(0);
  return Value::boolean(v.is_number() && std::isfinite(v.as_number()));
}

Value number_is_nan(VM&, CallInfo& ci) {
  Value v = ci.arg(0);
  return Value::boolean(v.is_number() && std::isnan(v.as_number()));
}

Value boolean_ctor(VM& vm, CallInfo& ci) {
  Value b = Value::boolean(VM::to_boolean(ci.arg(0)));
  if (ci.new_target.is_undefined()) return b;
  return Value::object(primitive_wrapper(vm, b, ci.new_target, vm.intrinsics().boolean_prototype));
}

bool this_boolean(VM& vm, CallInfo& ci) {
  Value t = ci.this_value;
  if (t.is_boolean()) return t.is_true();
  if (t.is_object() && t.as_object()->klass() == ObjectClass::kBoolean)
    return t.as_object()->internal().is_true();
  vm.throw_type_error("Boolean.prototype method requires that 'this' be a Boolean");
}

Value boolean_to_string(VM& vm, CallInfo& ci) {
  return Value::string(this_boolean(vm, ci) ? vm.atoms().true_ : vm.atoms().false_);
}

Value boolean_value_of(VM& vm, CallInfo& ci) {
  return Value::boolean(this_boolean(vm, ci));
}

}  // namespace

void install_number(VM& vm, Object* global) {
  Intrinsics& in = vm.intrinsics();
  in.number_prototype = vm.new_object_of_class(ObjectClass::kNumber, in.object_prototype, 0);
  in.number_prototype->set_internal(Value::int32(0));
  NativeFunction* ctor =
      make_constructor(vm, global, "Number", number_ctor, 1, in.number_prototype);
  Rooted rc(vm, Value::object(ctor));
  vm.define_value(rc.object(), "MAX_SAFE_INTEGER", Value::number(9007199254740991.0), 0);
  vm.define_value(rc.object(), "MIN_SAFE_INTEGER", Value::number(-9007199254740991.0), 0);
  vm.define_value(rc.object(), "MAX_VALUE", Value::raw_double(DBL_MAX), 0);
  vm.define_value(rc.object(), "MIN_VALUE", Value::raw_double(4.9406564584124654e-324), 0);
  vm.define_value(rc.object(), "EPSILON", Value::raw_double(DBL_EPSILON), 0);
  vm.define_value(rc.object(), "POSITIVE_INFINITY", Value::raw_double(INFINITY), 0);
  vm.define_value(rc.object(), "NEGATIVE_INFINITY", Value::raw_double(-INFINITY), 0);
  vm.define_value(rc.object(), "NaN", Value::raw_double(std::nan("")), 0);
  vm.define_native(rc.object(), "isInteger", number_is_integer, 1);
  vm.define_native(rc.object(), "isSafeInteger", number_is_safe_integer, 1);
  vm.define_native(rc.object(), "isFinite", number_is_finite, 1);
  vm.define_native(rc.object(), "isNaN", number_is_nan, 1);
  Object* p = in.number_prototype;
  vm.define_native(p, "toString", number_to_string, 1);
  vm.define_native(p, "toLocaleString", number_to_locale_string, 0);
  vm.define_native(p, "valueOf", number_value_of, 0);
  vm.define_native(p, "toFixed", number_to_fixed, 1);
  vm.define_native(p, "toPrecision", number_to_precision, 1);
  vm.define_native(p, "toExponential", number_to_exponential, 1);

  in.boolean_prototype = vm.new_object_of_class(ObjectClass::kBoolean, in.object_prototype, 0);
  in.boolean_prototype->set_internal(Value::boolean(false));
  make_constructor(vm, global, "Boolean", boolean_ctor, 1, in.boolean_prototype);
  vm.define_native(in.boolean_prototype, "toString", boolean_to_string, 0);
  vm.define_native(in.boolean_prototype, "valueOf", boolean_value_of, 0);
}

}  // namespace kite::vm::builtins
