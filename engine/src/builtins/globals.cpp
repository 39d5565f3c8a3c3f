// Global functions (ECMA-262 19.2) and Date.now.
#include <chrono>
#include <cmath>

#include "builtins/builtins.h"
#include "util/numbers.h"
#include "util/unicode.h"

namespace kite::vm::builtins {

namespace {

Value global_parse_int(VM& vm, CallInfo& ci) {
  String* s = vm.flatten(vm.to_string(ci.arg(0)));
  Rooted rs(vm, Value::string(s));
  double radix = vm.to_number(ci.arg(1));
  std::u16string u = rs.string()->to_u16();
  return Value::number(util::parse_int(u, radix));
}

Value global_parse_float(VM& vm, CallInfo& ci) {
  String* s = vm.flatten(vm.to_string(ci.arg(0)));
  std::u16string u = s->to_u16();
  return Value::number(util::parse_float(u));
}

Value global_is_nan(VM& vm, CallInfo& ci) {
  return Value::boolean(std::isnan(vm.to_number(ci.arg(0))));
}

Value global_is_finite(VM& vm, CallInfo& ci) {
  return Value::boolean(std::isfinite(vm.to_number(ci.arg(0))));
}

Value uri_op(VM& vm, CallInfo& ci, bool encode) {
  String* s = vm.flatten(vm.to_string(ci.arg(0)));
  std::u16string in = s->to_u16();
  std::u16string out;
  bool ok = encode ? util::encode_uri_component(in, out) : util::decode_uri_component(in, out);
  if (!ok) vm.throw_error(ErrorType::kURIError, "URI malformed");
  return Value::string(vm.new_string_utf16(out));
}

Value global_encode_uri_component(VM& vm, CallInfo& ci) {
  return uri_op(vm, ci, true);
}
Value global_decode_uri_component(VM& vm, CallInfo& ci) {
  return uri_op(vm, ci, false);
}

Value date_now(VM&, CallInfo&) {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return Value::number(
      static_cast<double>(std::chrono::duration_cast<std::chrono::milliseconds>(now).count()));
}

Value date_ctor(VM& vm, CallInfo&) {
  vm.throw_type_error("Date objects are not supported yet (only Date.now())");
}

}  // namespace

void install_globals(VM& vm, Object* global) {
  Rooted rg(vm, Value::object(global));
  NativeFunction* pi = vm.define_native(global, "parseInt", global_parse_int, 2);
  Rooted rpi(vm, Value::object(pi));
  NativeFunction* pf = vm.define_native(rg.object(), "parseFloat", global_parse_float, 1);
  Rooted rpf(vm, Value::object(pf));
  vm.define_native(rg.object(), "isNaN", global_is_nan, 1);
  vm.define_native(rg.object(), "isFinite", global_is_finite, 1);
  vm.define_native(rg.object(), "encodeURIComponent", global_encode_uri_component, 1);
  vm.define_native(rg.object(), "decodeURIComponent", global_decode_uri_component, 1);
  vm.define_value(rg.object(), "NaN", Value::raw_double(std::nan("")), 0);
  vm.define_value(rg.object(), "Infinity", Value::raw_double(INFINITY), 0);
  vm.define_value(rg.object(), "undefined", Value::undefined(), 0);
  // Number.parseInt / parseFloat are the same functions.
  Value number = vm.get(rg.object(), "Number");
  if (number.is_object()) {
    Rooted rn(vm, number);
    vm.define_value(rn.object(), "parseInt", rpi.get());
    vm.define_value(rn.object(), "parseFloat", rpf.get());
  }
  Intrinsics& in = vm.intrinsics();
  in.date_prototype = vm.new_object_with_proto(in.object_prototype);
  NativeFunction* date = make_constructor(vm, rg.object(), "Date", date_ctor, 7, in.date_prototype);
  vm.define_native(date, "now", date_now, 0);
}

}  // namespace kite::vm::builtins
