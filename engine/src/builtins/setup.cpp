// Bootstrap: the order in which intrinsics are created matters (functions
// need Function.prototype, shapes need their prototypes).
#include <cmath>

#include "builtins/builtins.h"

namespace kite::vm::builtins {

namespace {
Value function_prototype_call(VM&, CallInfo&) {
  return Value::undefined();
}
}  // namespace

NativeFunction* make_constructor(VM& vm, Object* global, std::string_view name, NativeFn fn,
                                 std::uint32_t length, Object* prototype) {
  Rooted rg(vm, Value::object(global));
  Rooted rp(vm, Value::object(prototype));
  NativeFunction* ctor = vm.new_native(fn, vm.intern(name), length, true);
  Rooted rc(vm, Value::object(ctor));
  vm.define_own_property(ctor, PropertyKey::atom(vm.atoms().prototype), rp.get(), 0);
  vm.define_own_property(rp.object(), PropertyKey::atom(vm.atoms().constructor), rc.get(),
                         attr::kHidden);
  vm.define_value(rg.object(), name, rc.get());
  return static_cast<NativeFunction*>(rc.object());
}

Value species_constructor(VM& vm, Object* o, Value default_ctor) {
  Rooted ro(vm, Value::object(o));
  Rooted rd(vm, default_ctor);
  Value c = vm.get(ro.object(), PropertyKey::atom(vm.atoms().constructor));
  if (c.is_undefined()) return rd.get();
  if (!c.is_object()) vm.throw_type_error("object.constructor is not an object");
  Value s = vm.get(c.as_object(), PropertyKey::symbol(vm.intrinsics().symbol_species));
  if (s.is_nullish()) return rd.get();
  if (vm.is_constructor(s)) return s;
  vm.throw_type_error("object.constructor[Symbol.species] is not a constructor");
}

Object* this_object_of(VM& vm, CallInfo& ci, ObjectClass klass, std::string_view method) {
  if (ci.this_value.is_object() && ci.this_value.as_object()->klass() == klass) {
    return ci.this_value.as_object();
  }
  vm.throw_type_error(std::string("Method ") + std::string(method) +
                      " called on incompatible receiver " + vm.describe(ci.this_value));
}

void install(VM& vm) {
  Intrinsics& in = vm.intrinsics();
  // %Object.prototype%: proto null.
  in.object_prototype = vm.new_object_of_class(ObjectClass::kPlain, nullptr, 0);
  in.empty_object_shape = vm.root_shape_for(in.object_prototype);
  // %Function.prototype% is itself a function (returning undefined) whose
  // prototype is Object.prototype: make it with a shape rooted there.
  {
    Shape* root = vm.root_shape_for(in.object_prototype);
    Shape* len = root->add(vm, PropertyKey::atom(vm.atoms().length), attr::kConfigurable);
    in.method_shape = len->add(vm, PropertyKey::atom(vm.atoms().name), attr::kConfigurable);
    in.function_prototype = vm.new_native(function_prototype_call, vm.atoms().empty, 0);
  }
  // Shapes of every other function: length, name (+ prototype).
  {
    Shape* root = vm.root_shape_for(in.function_prototype);
    Shape* len = root->add(vm, PropertyKey::atom(vm.atoms().length), attr::kConfigurable);
    in.method_shape = len->add(vm, PropertyKey::atom(vm.atoms().name), attr::kConfigurable);
    in.function_shape =
        in.method_shape->add(vm, PropertyKey::atom(vm.atoms().prototype), attr::kWritable);
  }
  in.array_prototype = vm.new_object_of_class(ObjectClass::kArray, in.object_prototype, 0);
  in.array_shape = vm.root_shape_for(in.array_prototype);

  Object* global = vm.new_object_of_class(ObjectClass::kPlain, in.object_prototype, 8);
  vm.set_global(global);

  install_symbol(vm, global);
  install_object(vm, global);
  install_function(vm, global);
  install_error(vm, global);
  install_iterators(vm, global);
  install_array(vm, global);
  install_string(vm, global);
  install_number(vm, global);
  install_math(vm, global);
  install_json(vm, global);
  install_map_set(vm, global);
  install_regexp(vm, global);
  install_date(vm, global);
  install_promise(vm, global);
  install_generators(vm, global);
  install_async_iteration(vm, global);
  install_reflect(vm, global);
  install_weak(vm, global);
  install_array_buffer(vm, global);
  install_shared_array_buffer(vm, global);
  install_typed_arrays(vm, global);
  install_atomics(vm, global);
  install_proxy(vm, global);
  install_bigint(vm, global);
  install_timers(vm, global);
  install_console(vm, global);
  install_globals(vm, global);
  vm.define_value(global, "globalThis", Value::object(global));
}

}  // namespace kite::vm::builtins
