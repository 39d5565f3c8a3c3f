// Symbol (ECMA-262 20.4): constructor, well-known symbols, registry.
#include "builtins/builtins.h"

#include "objects/symbol.h"

namespace kite::vm::builtins {

namespace {

Value symbol_ctor(VM& vm, CallInfo& ci) {
  if (!ci.new_target.is_undefined()) vm.throw_type_error("Symbol is not a constructor");
  Value d = ci.arg(0);
  Value desc = d.is_undefined() ? d : Value::string(vm.to_string(d));
  return Value::symbol(vm.new_symbol(desc));
}

Value this_symbol(VM& vm, Value t) {
  if (t.is_symbol()) return t;
  if (t.is_object() && t.as_object()->klass() == ObjectClass::kSymbol)
    return t.as_object()->internal();
  vm.throw_type_error("Symbol.prototype method called on incompatible receiver");
}

Value symbol_to_string(VM& vm, CallInfo& ci) {
  Value s = this_symbol(vm, ci.this_value);
  return Value::string(vm.new_string_utf8(vm.describe(s)));
}

Value symbol_value_of(VM& vm, CallInfo& ci) {
  return this_symbol(vm, ci.this_value);
}

Value symbol_description(VM& vm, CallInfo& ci) {
  return this_symbol(vm, ci.this_value).as_symbol()->description;
}

Value symbol_for(VM& vm, CallInfo& ci) {
  String* key = vm.atomize(vm.to_string(ci.arg(0)));
  auto& reg = vm.symbol_registry();
  for (std::size_t i = 0; i + 1 < reg.size(); i += 2) {
    if (reg[i].as_string() == key) return reg[i + 1];
  }
  Rooted rk(vm, Value::string(key));
  Value sym = Value::symbol(vm.new_symbol(rk.get()));
  reg.push_back(rk.get());
  reg.push_back(sym);
  return sym;
}

Value symbol_key_for(VM& vm, CallInfo& ci) {
  if (!ci.arg(0).is_symbol()) vm.throw_type_error(vm.describe(ci.arg(0)) + " is not a symbol");
  auto& reg = vm.symbol_registry();
  for (std::size_t i = 0; i + 1 < reg.size(); i += 2) {
    if (reg[i + 1] == ci.arg(0)) return reg[i];
  }
  return Value::undefined();
}

}  // namespace

void install_symbol(VM& vm, Object* global) {
  Intrinsics& in = vm.intrinsics();
  auto well_known = [&](const char* desc) { return vm.new_symbol(Value::string(vm.intern(desc))); };
  in.symbol_iterator = well_known("Symbol.iterator");
  in.symbol_has_instance = well_known("Symbol.hasInstance");
  in.symbol_to_primitive = well_known("Symbol.toPrimitive");
  in.symbol_to_string_tag = well_known("Symbol.toStringTag");
  in.symbol_async_iterator = well_known("Symbol.asyncIterator");
  in.symbol_is_concat_spreadable = well_known("Symbol.isConcatSpreadable");
  in.symbol_unscopables = well_known("Symbol.unscopables");
  in.symbol_match = well_known("Symbol.match");
  in.symbol_match_all = well_known("Symbol.matchAll");
  in.symbol_replace = well_known("Symbol.replace");
  in.symbol_search = well_known("Symbol.search");
  in.symbol_split = well_known("Symbol.split");
  in.symbol_species = well_known("Symbol.species");
  in.symbol_prototype = vm.new_object_with_proto(in.object_prototype);
  NativeFunction* ctor =
      make_constructor(vm, global, "Symbol", symbol_ctor, 0, in.symbol_prototype);
  Rooted rc(vm, Value::object(ctor));
  ctor->is_constructor = false;
  vm.define_value(rc.object(), "iterator", Value::symbol(in.symbol_iterator), 0);
  vm.define_value(rc.object(), "hasInstance", Value::symbol(in.symbol_has_instance), 0);
  vm.define_value(rc.object(), "toPrimitive", Value::symbol(in.symbol_to_primitive), 0);
  vm.define_value(rc.object(), "toStringTag", Value::symbol(in.symbol_to_string_tag), 0);
  vm.define_value(rc.object(), "asyncIterator", Value::symbol(in.symbol_async_iterator), 0);
  vm.define_value(rc.object(), "isConcatSpreadable", Value::symbol(in.symbol_is_concat_spreadable),
                  0);
  vm.define_value(rc.object(), "unscopables", Value::symbol(in.symbol_unscopables), 0);
  vm.define_value(rc.object(), "match", Value::symbol(in.symbol_match), 0);
  vm.define_value(rc.object(), "matchAll", Value::symbol(in.symbol_match_all), 0);
  vm.define_value(rc.object(), "replace", Value::symbol(in.symbol_replace), 0);
  vm.define_value(rc.object(), "search", Value::symbol(in.symbol_search), 0);
  vm.define_value(rc.object(), "split", Value::symbol(in.symbol_split), 0);
  vm.define_value(rc.object(), "species", Value::symbol(in.symbol_species), 0);
  vm.define_native(rc.object(), "for", symbol_for, 1);
  vm.define_native(rc.object(), "keyFor", symbol_key_for, 1);
  vm.define_native(in.symbol_prototype, "toString", symbol_to_string, 0);
  vm.define_native(in.symbol_prototype, "valueOf", symbol_value_of, 0);
  vm.define_getter(in.symbol_prototype, vm.key("description"), "description", symbol_description);
  // Symbol.prototype[@@toPrimitive] (ECMA-262 20.4.3.5): { [[Writable]]: false,
  // [[Enumerable]]: false, [[Configurable]]: true }.
  Rooted rproto(vm, Value::object(in.symbol_prototype));
  NativeFunction* to_primitive =
      vm.new_native(symbol_value_of, vm.intern("[Symbol.toPrimitive]"), 1);
  vm.define_own_property(rproto.object(), PropertyKey::symbol(in.symbol_to_primitive),
                         Value::object(to_primitive), attr::kConfigurable);
  vm.define_own_property(in.symbol_prototype, PropertyKey::symbol(in.symbol_to_string_tag),
                         Value::string(vm.intern("Symbol")), attr::kConfigurable);
}

}  // namespace kite::vm::builtins
