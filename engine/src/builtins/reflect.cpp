// Reflect (ECMA-262 28.1): the object internal methods as functions. Each
// takes a target object (a TypeError otherwise) and answers refusals with
// false where the internal method does.
#include <vector>

#include "builtins/builtins.h"

namespace kite::vm::builtins {

namespace {

Object* target_of(VM& vm, CallInfo& ci, const char* method) {
  Value t = ci.arg(0);
  if (!t.is_object()) {
    vm.throw_type_error(std::string("Reflect.") + method + " called on non-object");
  }
  return t.as_object();
}

Value reflect_apply(VM& vm, CallInfo& ci) {
  if (!vm.is_callable(ci.arg(0))) {
    vm.throw_type_error("Reflect.apply: " + vm.describe(ci.arg(0)) + " is not a function");
  }
  if (!ci.arg(2).is_object()) vm.throw_type_error("CreateListFromArrayLike called on non-object");
  return apply_array_like(vm, ci.arg(0), ci.arg(1), ci.arg(2), false);
}

Value reflect_construct(VM& vm, CallInfo& ci) {
  if (!vm.is_constructor(ci.arg(0))) {
    vm.throw_type_error("Reflect.construct: " + vm.describe(ci.arg(0)) + " is not a constructor");
  }
  Value nt = ci.argc > 2 ? ci.arg(2) : ci.arg(0);
  if (!vm.is_constructor(nt)) {
    vm.throw_type_error("Reflect.construct: " + vm.describe(nt) + " is not a constructor");
  }
  if (!ci.arg(1).is_object()) vm.throw_type_error("CreateListFromArrayLike called on non-object");
  return apply_array_like(vm, ci.arg(0), Value::undefined(), ci.arg(1), true, nt);
}

Value reflect_define_property(VM& vm, CallInfo& ci) {
  Rooted o(vm, Value::object(target_of(vm, ci, "defineProperty")));
  PropertyKey k = vm.to_property_key(ci.arg(1));
  return Value::boolean(define_from_descriptor(vm, o.object(), k, ci.arg(2), false));
}

Value reflect_delete_property(VM& vm, CallInfo& ci) {
  Rooted o(vm, Value::object(target_of(vm, ci, "deleteProperty")));
  PropertyKey k = vm.to_property_key(ci.arg(1));
  return Value::boolean(vm.delete_property(o.object(), k));
}

Value reflect_get(VM& vm, CallInfo& ci) {
  Rooted o(vm, Value::object(target_of(vm, ci, "get")));
  PropertyKey k = vm.to_property_key(ci.arg(1));
  Value receiver = ci.argc > 2 ? ci.arg(2) : o.get();
  return vm.get(o.object(), k, receiver);
}

Value reflect_get_own_property_descriptor(VM& vm, CallInfo& ci) {
  Rooted o(vm, Value::object(target_of(vm, ci, "getOwnPropertyDescriptor")));
  PropertyKey k = vm.to_property_key(ci.arg(1));
  Property p;
  if (!vm.get_own_property(o.object(), k, &p)) return Value::undefined();
  return from_descriptor(vm, p);
}

Value reflect_get_prototype_of(VM& vm, CallInfo& ci) {
  Object* p = vm.get_prototype_of(target_of(vm, ci, "getPrototypeOf"));
  return p != nullptr ? Value::object(p) : Value::null();
}

Value reflect_has(VM& vm, CallInfo& ci) {
  Rooted o(vm, Value::object(target_of(vm, ci, "has")));
  PropertyKey k = vm.to_property_key(ci.arg(1));
  return Value::boolean(vm.has_property(o.object(), k));
}

Value reflect_is_extensible(VM& vm, CallInfo& ci) {
  return Value::boolean(vm.is_extensible(target_of(vm, ci, "isExtensible")));
}

Value reflect_own_keys(VM& vm, CallInfo& ci) {
  Rooted o(vm, Value::object(target_of(vm, ci, "ownKeys")));
  std::vector<PropertyKey> keys;
  vm.own_keys(o.object(), keys, true, true);
  Rooted out(vm, Value::object(vm.new_array()));
  for (PropertyKey k : keys) {
    vm.array_push(out.object(), k.is_symbol() ? k.as_value() : vm.key_to_value(k));
  }
  return out.get();
}

Value reflect_prevent_extensions(VM& vm, CallInfo& ci) {
  return Value::boolean(vm.prevent_extensions(target_of(vm, ci, "preventExtensions")));
}

Value reflect_set(VM& vm, CallInfo& ci) {
  Rooted o(vm, Value::object(target_of(vm, ci, "set")));
  PropertyKey k = vm.to_property_key(ci.arg(1));
  Rooted v(vm, ci.arg(2));
  Value receiver = ci.argc > 3 ? ci.arg(3) : o.get();
  return Value::boolean(vm.set_or_refuse(o.object(), k, v.get(), receiver, false));
}

Value reflect_set_prototype_of(VM& vm, CallInfo& ci) {
  Object* o = target_of(vm, ci, "setPrototypeOf");
  Value proto = ci.arg(1);
  if (!proto.is_object() && !proto.is_null()) {
    vm.throw_type_error("Object prototype may only be an Object or null: " + vm.describe(proto));
  }
  return Value::boolean(vm.set_prototype(o, proto.is_object() ? proto.as_object() : nullptr));
}

}  // namespace

void install_reflect(VM& vm, Object* global) {
  Rooted reflect(vm, Value::object(vm.new_object()));
  Object* r = reflect.object();
  // V8 shows no frame for these two in error.stack.
  vm.define_native(r, "apply", reflect_apply, 3)->hidden_in_stack = true;
  vm.define_native(reflect.object(), "construct", reflect_construct, 2)->hidden_in_stack = true;
  vm.define_native(reflect.object(), "defineProperty", reflect_define_property, 3);
  vm.define_native(reflect.object(), "deleteProperty", reflect_delete_property, 2);
  vm.define_native(reflect.object(), "get", reflect_get, 2);
  vm.define_native(reflect.object(), "getOwnPropertyDescriptor",
                   reflect_get_own_property_descriptor, 2);
  vm.define_native(reflect.object(), "getPrototypeOf", reflect_get_prototype_of, 1);
  vm.define_native(reflect.object(), "has", reflect_has, 2);
  vm.define_native(reflect.object(), "isExtensible", reflect_is_extensible, 1);
  vm.define_native(reflect.object(), "ownKeys", reflect_own_keys, 1);
  vm.define_native(reflect.object(), "preventExtensions", reflect_prevent_extensions, 1);
  vm.define_native(reflect.object(), "set", reflect_set, 3);
  vm.define_native(reflect.object(), "setPrototypeOf", reflect_set_prototype_of, 2);
  vm.define_own_property(reflect.object(),
                         PropertyKey::symbol(vm.intrinsics().symbol_to_string_tag),
                         Value::string(vm.intern("Reflect")), attr::kConfigurable);
  vm.define_value(global, "Reflect", reflect.get());
}

}  // namespace kite::vm::builtins
