// %GeneratorFunction.prototype% and %GeneratorPrototype% (ECMA-262 27.3.3,
// 27.5.1): next, return and throw resume the generator (VM::generator_resume,
// vm/generator.cpp); and %AsyncFunction.prototype%. The %GeneratorFunction%
// and %AsyncFunction% constructors exist (prototype chains, name, length) but
// compile no source text until eval does (issue 14).
#include "builtins/builtins.h"

namespace kite::vm::builtins {

namespace {

Value generator_next(VM& vm, CallInfo& ci) {
  return vm.generator_resume(ci.this_value, ci.arg(0), 0, "Generator.prototype.next");
}

Value generator_return(VM& vm, CallInfo& ci) {
  return vm.generator_resume(ci.this_value, ci.arg(0), 2, "Generator.prototype.return");
}

Value generator_throw(VM& vm, CallInfo& ci) {
  return vm.generator_resume(ci.this_value, ci.arg(0), 1, "Generator.prototype.throw");
}

}  // namespace

void install_generators(VM& vm, Object*) {
  Intrinsics& in = vm.intrinsics();
  Rooted gen_fn_proto(vm, Value::object(vm.new_object_with_proto(in.function_prototype)));
  Rooted gen_proto(vm, Value::object(vm.new_object_with_proto(in.iterator_prototype)));
  in.generator_function_prototype = gen_fn_proto.object();
  in.generator_prototype = gen_proto.object();
  install_function_kind_constructor(vm, "GeneratorFunction", gen_fn_proto.object());
  vm.define_own_property(gen_fn_proto.object(), PropertyKey::atom(vm.atoms().prototype),
                         gen_proto.get(), attr::kConfigurable);
  vm.define_own_property(gen_proto.object(), PropertyKey::atom(vm.atoms().constructor),
                         gen_fn_proto.get(), attr::kConfigurable);
  vm.define_own_property(gen_fn_proto.object(), PropertyKey::symbol(in.symbol_to_string_tag),
                         Value::string(vm.intern("GeneratorFunction")), attr::kConfigurable);
  vm.define_own_property(gen_proto.object(), PropertyKey::symbol(in.symbol_to_string_tag),
                         Value::string(vm.intern("Generator")), attr::kConfigurable);
  in.generator_next = vm.define_native(gen_proto.object(), "next", generator_next, 1);
  vm.define_native(gen_proto.object(), "return", generator_return, 1);
  vm.define_native(gen_proto.object(), "throw", generator_throw, 1);
  // Generator functions: length, name, prototype, on %GeneratorFunction.prototype%.
  Shape* root = vm.root_shape_for(gen_fn_proto.object());
  Shape* len = root->add(vm, PropertyKey::atom(vm.atoms().length), attr::kConfigurable);
  Shape* name = len->add(vm, PropertyKey::atom(vm.atoms().name), attr::kConfigurable);
  in.generator_function_shape =
      name->add(vm, PropertyKey::atom(vm.atoms().prototype), attr::kWritable);

  // %AsyncFunction.prototype% (27.7.3): async functions have no prototype
  // property, and are not constructors.
  Rooted async_proto(vm, Value::object(vm.new_object_with_proto(in.function_prototype)));
  in.async_function_prototype = async_proto.object();
  install_function_kind_constructor(vm, "AsyncFunction", async_proto.object());
  vm.define_own_property(async_proto.object(), PropertyKey::symbol(in.symbol_to_string_tag),
                         Value::string(vm.intern("AsyncFunction")), attr::kConfigurable);
  // { value, done }: every iterator result has this layout from birth.
  Shape* oroot = in.empty_object_shape;
  Shape* ovalue = oroot->add(vm, PropertyKey::atom(vm.atoms().value), attr::kDefault);
  in.iter_result_shape = ovalue->add(vm, PropertyKey::atom(vm.atoms().done), attr::kDefault);
  Shape* aroot = vm.root_shape_for(async_proto.object());
  Shape* alen = aroot->add(vm, PropertyKey::atom(vm.atoms().length), attr::kConfigurable);
  in.async_function_shape = alen->add(vm, PropertyKey::atom(vm.atoms().name), attr::kConfigurable);
}

}  // namespace kite::vm::builtins
