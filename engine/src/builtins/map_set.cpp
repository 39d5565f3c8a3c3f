// Map and Set (ECMA-262 24.1, 24.2) over OrderedTable.
#include "builtins/builtins.h"
#include "objects/ordered_table.h"

namespace kite::vm::builtins {

namespace {

// SameValueZero as bit equality: atomize strings, canonicalize numbers.
Value normalize_key(VM& vm, Value k) {
  if (k.is_string()) return Value::string(vm.atomize(k.as_string()));
  if (k.is_bigint()) return vm.canonical_bigint(k);
  if (k.is_number()) {
    double d = k.as_number();
    if (d == 0) return Value::int32(0);
    return Value::number(d);
  }
  return k;
}

OrderedTable* table_of(VM& vm, CallInfo& ci, ObjectClass klass, const char* method) {
  return this_object_of(vm, ci, klass, method)->extra()->table;
}

}  // namespace

void add_entries_from_iterable(VM& vm, Object* collection, Value iterable, bool entries) {
  if (iterable.is_nullish()) return;
  Rooted ro(vm, Value::object(collection));
  Rooted ri(vm, iterable);
  Rooted adder(vm,
               vm.get(ro.object(), PropertyKey::atom(entries ? vm.atoms().set : vm.atoms().add)));
  if (!vm.is_callable(adder.get())) vm.throw_type_error("'add' is not a function");
  vm.iterate(ri.get(), [&](Value item) {
    if (entries) {
      if (!item.is_object())
        vm.throw_type_error("Iterator value " + vm.describe(item) + " is not an entry object");
      Rooted rit(vm, item);
      Rooted k(vm, vm.get(item.as_object(), PropertyKey::index(0)));
      Value v = vm.get(rit.object(), PropertyKey::index(1));
      Value args[2] = {k.get(), v};
      vm.call(adder.get(), ro.get(), args);
    } else {
      vm.call(adder.get(), ro.get(), std::span<const Value>(&item, 1));
    }
    return true;
  });
}

namespace {

Value make_collection(VM& vm, CallInfo& ci, bool is_map) {
  if (ci.new_target.is_undefined()) {
    vm.throw_type_error(std::string("Constructor ") + (is_map ? "Map" : "Set") + " requires 'new'");
  }
  Object* proto = is_map ? vm.intrinsics().map_prototype : vm.intrinsics().set_prototype;
  Value p = vm.get(ci.new_target.as_object(), PropertyKey::atom(vm.atoms().prototype));
  if (p.is_object()) proto = p.as_object();
  Object* o = vm.new_object_of_class(is_map ? ObjectClass::kMap : ObjectClass::kSet, proto, 0);
  o->ensure_extra().table = new OrderedTable();
  Rooted ro(vm, Value::object(o));
  add_entries_from_iterable(vm, ro.object(), ci.arg(0), is_map);
  return ro.get();
}

Value map_ctor(VM& vm, CallInfo& ci) {
  return make_collection(vm, ci, true);
}
Value set_ctor(VM& vm, CallInfo& ci) {
  return make_collection(vm, ci, false);
}

Value map_get(VM& vm, CallInfo& ci) {
  OrderedTable* t = table_of(vm, ci, ObjectClass::kMap, "Map.prototype.get");
  OrderedTable::Entry* e = t->find(normalize_key(vm, ci.arg(0)));
  return e == nullptr ? Value::undefined() : e->value;
}

Value map_set(VM& vm, CallInfo& ci) {
  Object* o = this_object_of(vm, ci, ObjectClass::kMap, "Map.prototype.set");
  Rooted ro(vm, Value::object(o));
  Value k = normalize_key(vm, ci.arg(0));
  ro.object()->extra()->table->set(k, ci.arg(1));
  return ro.get();
}

Value map_has(VM& vm, CallInfo& ci) {
  OrderedTable* t = table_of(vm, ci, ObjectClass::kMap, "Map.prototype.has");
  return Value::boolean(t->find(normalize_key(vm, ci.arg(0))) != nullptr);
}

Value map_delete(VM& vm, CallInfo& ci) {
  OrderedTable* t = table_of(vm, ci, ObjectClass::kMap, "Map.prototype.delete");
  return Value::boolean(t->remove(normalize_key(vm, ci.arg(0))));
}

Value map_clear(VM& vm, CallInfo& ci) {
  table_of(vm, ci, ObjectClass::kMap, "Map.prototype.clear")->clear();
  return Value::undefined();
}

Value map_size(VM& vm, CallInfo& ci) {
  return Value::number(table_of(vm, ci, ObjectClass::kMap, "get Map.prototype.size")->size());
}

Value for_each(VM& vm, CallInfo& ci, bool is_map) {
  Object* o = this_object_of(vm, ci, is_map ? ObjectClass::kMap : ObjectClass::kSet, "forEach");
  Rooted ro(vm, Value::object(o));
  Rooted fn(vm, ci.arg(0));
  if (!vm.is_callable(fn.get())) vm.throw_type_error(vm.describe(fn.get()) + " is not a function");
  Rooted this_arg(vm, ci.arg(1));
  OrderedTable* t = o->extra()->table;
  t->add_iterator();
  struct Done {
    OrderedTable* t;
    ~Done() { t->remove_iterator(); }
  } done{t};
  for (std::size_t i = 0; i < t->entries().size(); ++i) {
    const auto& e = t->entries()[i];
    if (e.deleted) continue;
    Value args[3] = {is_map ? e.value : e.key, e.key, ro.get()};
    vm.call(fn.get(), this_arg.get(), args);
  }
  return Value::undefined();
}

Value map_for_each(VM& vm, CallInfo& ci) {
  return for_each(vm, ci, true);
}
Value set_for_each(VM& vm, CallInfo& ci) {
  return for_each(vm, ci, false);
}

Value map_entries(VM& vm, CallInfo& ci) {
  this_object_of(vm, ci, ObjectClass::kMap, "Map.prototype.entries");
  return make_collection_iterator(vm, ci.this_value, true, 2);
}
Value map_keys(VM& vm, CallInfo& ci) {
  this_object_of(vm, ci, ObjectClass::kMap, "Map.prototype.keys");
  return make_collection_iterator(vm, ci.this_value, true, 1);
}
Value map_values(VM& vm, CallInfo& ci) {
  this_object_of(vm, ci, ObjectClass::kMap, "Map.prototype.values");
  return make_collection_iterator(vm, ci.this_value, true, 0);
}

Value set_add(VM& vm, CallInfo& ci) {
  Object* o = this_object_of(vm, ci, ObjectClass::kSet, "Set.prototype.add");
  Rooted ro(vm, Value::object(o));
  Value k = normalize_key(vm, ci.arg(0));
  ro.object()->extra()->table->set(k, k);
  return ro.get();
}

Value set_has(VM& vm, CallInfo& ci) {
  OrderedTable* t = table_of(vm, ci, ObjectClass::kSet, "Set.prototype.has");
  return Value::boolean(t->find(normalize_key(vm, ci.arg(0))) != nullptr);
}

Value set_delete(VM& vm, CallInfo& ci) {
  OrderedTable* t = table_of(vm, ci, ObjectClass::kSet, "Set.prototype.delete");
  return Value::boolean(t->remove(normalize_key(vm, ci.arg(0))));
}

Value set_clear(VM& vm, CallInfo& ci) {
  table_of(vm, ci, ObjectClass::kSet, "Set.prototype.clear")->clear();
  return Value::undefined();
}

Value set_size(VM& vm, CallInfo& ci) {
  return Value::number(table_of(vm, ci, ObjectClass::kSet, "get Set.prototype.size")->size());
}

Value set_values(VM& vm, CallInfo& ci) {
  this_object_of(vm, ci, ObjectClass::kSet, "Set.prototype.values");
  return make_collection_iterator(vm, ci.this_value, false, 0);
}
Value set_entries(VM& vm, CallInfo& ci) {
  this_object_of(vm, ci, ObjectClass::kSet, "Set.prototype.entries");
  return make_collection_iterator(vm, ci.this_value, false, 2);
}

}  // namespace

void install_map_set(VM& vm, Object* global) {
  Intrinsics& in = vm.intrinsics();
  in.map_prototype = vm.new_object_with_proto(in.object_prototype);
  make_constructor(vm, global, "Map", map_ctor, 0, in.map_prototype);
  Object* mp = in.map_prototype;
  vm.define_native(mp, "get", map_get, 1);
  vm.define_native(mp, "set", map_set, 2);
  vm.define_native(mp, "has", map_has, 1);
  vm.define_native(mp, "delete", map_delete, 1);
  vm.define_native(mp, "clear", map_clear, 0);
  vm.define_native(mp, "forEach", map_for_each, 1);
  vm.define_native(mp, "keys", map_keys, 0);
  vm.define_native(mp, "values", map_values, 0);
  NativeFunction* me = vm.define_native(mp, "entries", map_entries, 0);
  vm.define_own_property(mp, PropertyKey::symbol(in.symbol_iterator), Value::object(me),
                         attr::kHidden);
  vm.define_getter(mp, PropertyKey::atom(vm.atoms().size), "size", map_size);
  vm.define_own_property(mp, PropertyKey::symbol(in.symbol_to_string_tag),
                         Value::string(vm.intern("Map")), attr::kConfigurable);

  in.set_prototype = vm.new_object_with_proto(in.object_prototype);
  make_constructor(vm, global, "Set", set_ctor, 0, in.set_prototype);
  Object* sp = in.set_prototype;
  vm.define_native(sp, "add", set_add, 1);
  vm.define_native(sp, "has", set_has, 1);
  vm.define_native(sp, "delete", set_delete, 1);
  vm.define_native(sp, "clear", set_clear, 0);
  vm.define_native(sp, "forEach", set_for_each, 1);
  vm.define_native(sp, "entries", set_entries, 0);
  NativeFunction* sv = vm.define_native(sp, "values", set_values, 0);
  vm.define_own_property(sp, vm.key("keys"), Value::object(sv), attr::kHidden);
  vm.define_own_property(sp, PropertyKey::symbol(in.symbol_iterator), Value::object(sv),
                         attr::kHidden);
  vm.define_getter(sp, PropertyKey::atom(vm.atoms().size), "size", set_size);
  vm.define_own_property(sp, PropertyKey::symbol(in.symbol_to_string_tag),
                         Value::string(vm.intern("Set")), attr::kConfigurable);
}

}  // namespace kite::vm::builtins
