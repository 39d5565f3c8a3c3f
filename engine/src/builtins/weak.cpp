// Weak collections (ECMA-262 24.3 WeakMap, 24.4 WeakSet, 26.1 WeakRef,
// 26.2 FinalizationRegistry). Their keys and targets are held weakly by the
// collector (Object::trace_weak, Heap::process_weak): a WeakMap value lives
// as long as its key (an ephemeron), a WeakRef forgets a collected target,
// and a registry's callback runs as a job with the held value once the
// registered target is collected.
#include "builtins/builtins.h"
#include "objects/ordered_table.h"

namespace kite::vm::builtins {

namespace {

// CanBeHeldWeakly (9.13): an object, or a symbol not from Symbol.for.
bool can_be_held_weakly(VM& vm, Value v) {
  if (v.is_object()) return true;
  if (!v.is_symbol()) return false;
  auto& reg = vm.symbol_registry();
  for (std::size_t i = 0; i + 1 < reg.size(); i += 2) {
    if (reg[i + 1] == v) return false;
  }
  return true;
}

Object* construct_weak(VM& vm, CallInfo& ci, ObjectClass klass, Object* default_proto,
                       const char* name) {
  if (ci.new_target.is_undefined()) {
    vm.throw_type_error(std::string("Constructor ") + name + " requires 'new'");
  }
  Object* proto = prototype_from_constructor(vm, ci.new_target, default_proto);
  return vm.new_object_of_class(klass, proto, 0);
}

Object* weak_collection(VM& vm, CallInfo& ci, bool is_map) {
  Object* o = construct_weak(
      vm, ci, is_map ? ObjectClass::kWeakMap : ObjectClass::kWeakSet,
      is_map ? vm.intrinsics().weak_map_prototype : vm.intrinsics().weak_set_prototype,
      is_map ? "WeakMap" : "WeakSet");
  o->ensure_extra().table = new OrderedTable();
  Rooted ro(vm, Value::object(o));
  add_entries_from_iterable(vm, ro.object(), ci.arg(0), is_map);
  return ro.object();
}

Value weak_map_ctor(VM& vm, CallInfo& ci) {
  return Value::object(weak_collection(vm, ci, true));
}
Value weak_set_ctor(VM& vm, CallInfo& ci) {
  return Value::object(weak_collection(vm, ci, false));
}

OrderedTable* table_of(VM& vm, CallInfo& ci, ObjectClass klass, const char* method) {
  return this_object_of(vm, ci, klass, method)->extra()->table;
}

Value weak_map_get(VM& vm, CallInfo& ci) {
  OrderedTable* t = table_of(vm, ci, ObjectClass::kWeakMap, "WeakMap.prototype.get");
  OrderedTable::Entry* e = t->find(ci.arg(0));
  return e != nullptr ? e->value : Value::undefined();
}

Value weak_map_set(VM& vm, CallInfo& ci) {
  OrderedTable* t = table_of(vm, ci, ObjectClass::kWeakMap, "WeakMap.prototype.set");
  if (!can_be_held_weakly(vm, ci.arg(0))) {
    vm.throw_type_error("Invalid value used as weak map key");
  }
  t->set(ci.arg(0), ci.arg(1));
  return ci.this_value;
}

Value weak_map_has(VM& vm, CallInfo& ci) {
  OrderedTable* t = table_of(vm, ci, ObjectClass::kWeakMap, "WeakMap.prototype.has");
  return Value::boolean(t->find(ci.arg(0)) != nullptr);
}

Value weak_map_delete(VM& vm, CallInfo& ci) {
  OrderedTable* t = table_of(vm, ci, ObjectClass::kWeakMap, "WeakMap.prototype.delete");
  return Value::boolean(t->remove(ci.arg(0)));
}

Value weak_set_add(VM& vm, CallInfo& ci) {
  OrderedTable* t = table_of(vm, ci, ObjectClass::kWeakSet, "WeakSet.prototype.add");
  if (!can_be_held_weakly(vm, ci.arg(0))) vm.throw_type_error("Invalid value used in weak set");
  t->set(ci.arg(0), Value::boolean(true));
  return ci.this_value;
}

Value weak_set_has(VM& vm, CallInfo& ci) {
  OrderedTable* t = table_of(vm, ci, ObjectClass::kWeakSet, "WeakSet.prototype.has");
  return Value::boolean(t->find(ci.arg(0)) != nullptr);
}

Value weak_set_delete(VM& vm, CallInfo& ci) {
  OrderedTable* t = table_of(vm, ci, ObjectClass::kWeakSet, "WeakSet.prototype.delete");
  return Value::boolean(t->remove(ci.arg(0)));
}

Value weak_ref_ctor(VM& vm, CallInfo& ci) {
  if (ci.new_target.is_undefined()) vm.throw_type_error("Constructor WeakRef requires 'new'");
  if (!can_be_held_weakly(vm, ci.arg(0))) {
    vm.throw_type_error("WeakRef: target must be an object or a non-registered symbol");
  }
  Rooted target(vm, ci.arg(0));
  Object* o =
      construct_weak(vm, ci, ObjectClass::kWeakRef, vm.intrinsics().weak_ref_prototype, "WeakRef");
  o->set_internal(target.get());
  vm.kept_objects().push_back(target.get());  // AddToKeptObjects
  return Value::object(o);
}

Value weak_ref_deref(VM& vm, CallInfo& ci) {
  Object* o = this_object_of(vm, ci, ObjectClass::kWeakRef, "WeakRef.prototype.deref");
  Value target = o->internal();
  if (!target.is_undefined()) vm.kept_objects().push_back(target);
  return target;
}

Value registry_ctor(VM& vm, CallInfo& ci) {
  if (ci.new_target.is_undefined()) {
    vm.throw_type_error("Constructor FinalizationRegistry requires 'new'");
  }
  if (!vm.is_callable(ci.arg(0))) {
    vm.throw_type_error("FinalizationRegistry: cleanup must be callable");
  }
  Rooted callback(vm, ci.arg(0));
  Object* o =
      construct_weak(vm, ci, ObjectClass::kFinalizationRegistry,
                     vm.intrinsics().finalization_registry_prototype, "FinalizationRegistry");
  o->set_internal(callback.get());
  o->ensure_extra().cells = new std::vector<WeakCell>();
  return Value::object(o);
}

Value registry_register(VM& vm, CallInfo& ci) {
  Object* o = this_object_of(vm, ci, ObjectClass::kFinalizationRegistry,
                             "FinalizationRegistry.prototype.register");
  Value target = ci.arg(0);
  Value held = ci.arg(1);
  Value token = ci.arg(2);
  if (!can_be_held_weakly(vm, target)) {
    vm.throw_type_error("FinalizationRegistry.prototype.register: invalid target");
  }
  if (vm.same_value(target, held)) {
    vm.throw_type_error(
        "FinalizationRegistry.prototype.register: target and holdings must not be same");
  }
  if (!can_be_held_weakly(vm, token) && !token.is_undefined()) {
    vm.throw_type_error("FinalizationRegistry.prototype.register: invalid unregister token");
  }
  o->extra()->cells->push_back(WeakCell{target, held, token});
  return Value::undefined();
}

Value registry_unregister(VM& vm, CallInfo& ci) {
  Object* o = this_object_of(vm, ci, ObjectClass::kFinalizationRegistry,
                             "FinalizationRegistry.prototype.unregister");
  Value token = ci.arg(0);
  if (!can_be_held_weakly(vm, token)) {
    vm.throw_type_error("Invalid unregisterToken ('" + vm.describe(token) + "')");
  }
  auto& cells = *o->extra()->cells;
  std::size_t kept = 0;
  bool removed = false;
  for (WeakCell& c : cells) {
    if (!c.token.is_undefined() && vm.same_value(c.token, token)) {
      removed = true;
      continue;
    }
    cells[kept++] = c;
  }
  cells.resize(kept);
  return Value::boolean(removed);
}

Object* install_class(VM& vm, Object* global, const char* name, NativeFn ctor,
                      std::uint32_t length) {
  Rooted proto(vm, Value::object(vm.new_object()));
  make_constructor(vm, global, name, ctor, length, proto.object());
  vm.define_own_property(proto.object(), PropertyKey::symbol(vm.intrinsics().symbol_to_string_tag),
                         Value::string(vm.intern(name)), attr::kConfigurable);
  return proto.object();
}

}  // namespace

void install_weak(VM& vm, Object* global) {
  Intrinsics& in = vm.intrinsics();
  Rooted wm(vm, Value::object(install_class(vm, global, "WeakMap", weak_map_ctor, 0)));
  in.weak_map_prototype = wm.object();
  vm.define_native(wm.object(), "delete", weak_map_delete, 1);
  vm.define_native(wm.object(), "get", weak_map_get, 1);
  vm.define_native(wm.object(), "has", weak_map_has, 1);
  vm.define_native(wm.object(), "set", weak_map_set, 2);
  Rooted ws(vm, Value::object(install_class(vm, global, "WeakSet", weak_set_ctor, 0)));
  in.weak_set_prototype = ws.object();
  vm.define_native(ws.object(), "add", weak_set_add, 1);
  vm.define_native(ws.object(), "delete", weak_set_delete, 1);
  vm.define_native(ws.object(), "has", weak_set_has, 1);
  Rooted wr(vm, Value::object(install_class(vm, global, "WeakRef", weak_ref_ctor, 1)));
  in.weak_ref_prototype = wr.object();
  vm.define_native(wr.object(), "deref", weak_ref_deref, 0);
  Rooted fr(vm, Value::object(install_class(vm, global, "FinalizationRegistry", registry_ctor, 1)));
  in.finalization_registry_prototype = fr.object();
  vm.define_native(fr.object(), "register", registry_register, 2);
  vm.define_native(fr.object(), "unregister", registry_unregister, 1);
}

}  // namespace kite::vm::builtins
