// Error constructors (ECMA-262 20.5).
#include "builtins/builtins.h"

namespace kite::vm::builtins {

namespace {

// OrdinaryCreateFromConstructor(newTarget, the callee's prototype), the
// message, and InstallErrorCause (20.5.8.1) from `options`.
Value new_error_from_call(VM& vm, CallInfo& ci, Value message, Value options) {
  auto* callee = static_cast<NativeFunction*>(ci.callee);
  Value nt = ci.new_target.is_undefined() ? Value::object(callee) : ci.new_target;
  Rooted rnt(vm, nt);
  Rooted rmsg(vm, message);
  Rooted ropt(vm, options);
  Value proto_v = vm.get(nt.as_object(), PropertyKey::atom(vm.atoms().prototype));
  Object* proto = proto_v.is_object() ? proto_v.as_object() : callee->data.as_object();
  Rooted rp(vm, Value::object(proto));
  Object* e = vm.make_error(rp.object(), rmsg.get(), ci.new_target);
  Rooted re(vm, Value::object(e));
  if (ropt.get().is_object() &&
      vm.has_property(ropt.object(), PropertyKey::atom(vm.atoms().cause))) {
    Value cause = vm.get(ropt.object(), PropertyKey::atom(vm.atoms().cause));
    vm.define_own_property(re.object(), PropertyKey::atom(vm.atoms().cause), cause, attr::kHidden);
  }
  return re.get();
}

Value make_error_from_call(VM& vm, CallInfo& ci) {
  return new_error_from_call(vm, ci, ci.arg(0), ci.arg(1));
}

// AggregateError(errors, message, options) (20.5.7.1).
Value make_aggregate_error(VM& vm, CallInfo& ci) {
  Rooted re(vm, new_error_from_call(vm, ci, ci.arg(1), ci.arg(2)));
  Rooted list(vm, Value::object(vm.new_array()));
  vm.iterate(ci.arg(0), [&](Value v) {
    vm.array_push(list.object(), v);
    return true;
  });
  vm.define_own_property(re.object(), PropertyKey::atom(vm.atoms().errors), list.get(),
                         attr::kHidden);
  return re.get();
}

Value error_to_string(VM& vm, CallInfo& ci) {
  if (!ci.this_value.is_object())
    vm.throw_type_error("Error.prototype.toString requires that 'this' be an Object");
  Rooted ro(vm, ci.this_value);
  Value name = vm.get(ro.object(), PropertyKey::atom(vm.atoms().name));
  Rooted rn(vm, name.is_undefined() ? Value::string(vm.intern("Error"))
                                    : Value::string(vm.to_string(name)));
  Value msg = vm.get(ro.object(), PropertyKey::atom(vm.atoms().message));
  Rooted rm(
      vm, msg.is_undefined() ? Value::string(vm.atoms().empty) : Value::string(vm.to_string(msg)));
  if (rn.get().as_string()->length() == 0) return rm.get();
  if (rm.get().as_string()->length() == 0) return rn.get();
  String* s = vm.concat(rn.get().as_string(), vm.intern(": "));
  return Value::string(vm.concat(s, rm.get().as_string()));
}

// Error.captureStackTrace(targetObject, constructorOpt) (V8's extension):
// defines targetObject.stack as Error.prototype.toString would print it and
// the caller's frames, without those above and of constructorOpt.
Value error_capture_stack_trace(VM& vm, CallInfo& ci) {
  if (!ci.arg(0).is_object()) vm.throw_type_error("invalid_argument");
  Rooted ro(vm, ci.arg(0));
  Rooted skip(vm, vm.is_callable(ci.arg(1)) ? ci.arg(1) : Value::undefined());
  CallInfo to_string{ro.get(), nullptr, 0, Value::undefined(), ci.callee};
  Value head = error_to_string(vm, to_string);
  vm.install_error_stack(ro.object(), head.as_string()->to_utf8(), false, skip.get());
  return Value::undefined();
}

Object* install_one(VM& vm, Object* global, const char* name, Object* parent_proto,
                    Value parent_ctor) {
  Rooted rparent(vm, parent_ctor);
  Object* proto = vm.new_object_with_proto(parent_proto);
  Rooted rp(vm, Value::object(proto));
  NativeFunction* ctor = make_constructor(vm, global, name, make_error_from_call, 1, proto);
  ctor->data = rp.get();
  if (parent_ctor.is_object()) vm.set_prototype(ctor, rparent.object());
  vm.define_value(rp.object(), "name", Value::string(vm.intern(name)));
  vm.define_value(rp.object(), "message", Value::string(vm.atoms().empty));
  return rp.object();
}

}  // namespace

void install_error(VM& vm, Object* global) {
  Intrinsics& in = vm.intrinsics();
  in.error_prototype = install_one(vm, global, "Error", in.object_prototype, Value::undefined());
  vm.define_native(in.error_prototype, "toString", error_to_string, 0);
  Value error_ctor = vm.get(global, "Error");
  Rooted rc(vm, error_ctor);
  in.error_constructor = rc.object();
  vm.define_native(rc.object(), "captureStackTrace", error_capture_stack_trace, 2);
  vm.define_own_property(rc.object(), PropertyKey::atom(vm.atoms().stackTraceLimit),
                         Value::int32(10), attr::kDefault);
  in.type_error_prototype = install_one(vm, global, "TypeError", in.error_prototype, rc.get());
  in.range_error_prototype = install_one(vm, global, "RangeError", in.error_prototype, rc.get());
  in.syntax_error_prototype = install_one(vm, global, "SyntaxError", in.error_prototype, rc.get());
  in.reference_error_prototype =
      install_one(vm, global, "ReferenceError", in.error_prototype, rc.get());
  in.uri_error_prototype = install_one(vm, global, "URIError", in.error_prototype, rc.get());
  in.eval_error_prototype = install_one(vm, global, "EvalError", in.error_prototype, rc.get());
  {
    Object* proto = vm.new_object_with_proto(in.error_prototype);
    Rooted rp(vm, Value::object(proto));
    NativeFunction* ctor =
        make_constructor(vm, global, "AggregateError", make_aggregate_error, 2, proto);
    ctor->data = rp.get();
    vm.set_prototype(ctor, rc.object());
    vm.define_value(rp.object(), "name", Value::string(vm.intern("AggregateError")));
    vm.define_value(rp.object(), "message", Value::string(vm.atoms().empty));
    in.aggregate_error_prototype = rp.object();
  }
}

}  // namespace kite::vm::builtins
