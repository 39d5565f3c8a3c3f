// Object constructor and Object.prototype (ECMA-262 20.1).
#include "builtins/builtins.h"

#include "objects/accessor_pair.h"
#include "objects/property_map.h"

namespace kite::vm::builtins {

namespace {

Value object_ctor(VM& vm, CallInfo& ci) {
  Value v = ci.arg(0);
  if (!ci.new_target.is_undefined() && ci.new_target.as_object() != ci.callee) {
    return Value::object(vm.ordinary_create_from_constructor(ci.new_target));
  }
  if (v.is_nullish()) return Value::object(vm.new_object());
  return Value::object(vm.to_object(v));
}

Object* require_object_arg(VM& vm, Value v, const char* what) {
  if (!v.is_object()) vm.throw_type_error(std::string(what) + " called on non-object");
  return v.as_object();
}

// kind: 0 keys, 1 values, 2 entries
Value enumerable_own(VM& vm, Value target, int kind) {
  Rooted ro(vm, Value::object(vm.to_object(target)));
  std::vector<PropertyKey> keys;
  vm.own_keys(ro.object(), keys);
  Rooted out(vm, Value::object(vm.new_array()));
  for (PropertyKey k : keys) {
    Property p;
    if (!vm.get_own_property(ro.object(), k, &p) || !(p.attrs & attr::kEnumerable)) continue;
    if (kind == 0) {
      vm.array_push(out.object(), vm.key_to_value(k));
      continue;
    }
    Rooted v(vm, vm.get(ro.object(), k));
    if (kind == 1) {
      vm.array_push(out.object(), v.get());
    } else {
      Rooted kv(vm, vm.key_to_value(k));
      Value pair[2] = {kv.get(), v.get()};
      Object* e = vm.new_array_from(pair);
      vm.array_push(out.object(), Value::object(e));
    }
  }
  return out.get();
}

Value object_keys(VM& vm, CallInfo& ci) {
  return enumerable_own(vm, ci.arg(0), 0);
}
Value object_values(VM& vm, CallInfo& ci) {
  return enumerable_own(vm, ci.arg(0), 1);
}
Value object_entries(VM& vm, CallInfo& ci) {
  return enumerable_own(vm, ci.arg(0), 2);
}

Value object_assign(VM& vm, CallInfo& ci) {
  Rooted target(vm, Value::object(vm.to_object(ci.arg(0))));
  for (std::uint32_t i = 1; i < ci.argc; ++i) {
    Value src = ci.args[i];
    if (src.is_nullish()) continue;
    Rooted rs(vm, Value::object(vm.to_object(src)));
    std::vector<PropertyKey> keys;
    vm.own_keys(rs.object(), keys, true, true);
    for (PropertyKey k : keys) {
      Property p;
      if (!vm.get_own_property(rs.object(), k, &p) || !(p.attrs & attr::kEnumerable)) continue;
      Value v = vm.get(rs.object(), k);
      vm.set(target.object(), k, v);
    }
  }
  return target.get();
}

// SetIntegrityLevel (7.3.15) as the spec writes it, for proxies and typed
// arrays: [[DefineOwnProperty]] per key, any refusal a TypeError.
void set_integrity_generic(VM& vm, Object* o, bool frozen) {
  Rooted ro(vm, Value::object(o));
  if (!vm.prevent_extensions(o)) {
    vm.throw_type_error(std::string("Cannot ") + (frozen ? "freeze" : "seal"));
  }
  std::vector<PropertyKey> keys;
  vm.own_keys(ro.object(), keys, true, true);
  for (PropertyKey k : keys) {
    std::uint8_t present = 8;
    if (frozen) {
      Property p;
      if (!vm.get_own_property(ro.object(), k, &p)) continue;
      if (!(p.attrs & attr::kAccessor)) present |= 2;
    }
    if (!vm.define_own_property(ro.object(), k, Value::undefined(), 0, false, Value::undefined(),
                                Value::undefined(), present)) {
      vm.throw_type_error(std::string("Cannot ") + (frozen ? "freeze" : "seal"));
    }
  }
}

// SetIntegrityLevel (7.3.15): level 0 sealed, 1 frozen.
void set_integrity(VM& vm, Object* o, bool frozen) {
  if (o->is_proxy() || o->klass() == ObjectClass::kTypedArray) {
    set_integrity_generic(vm, o, frozen);
    return;
  }
  Rooted ro(vm, Value::object(o));
  vm.prevent_extensions(o);
  std::vector<PropertyKey> keys;
  vm.own_keys(o, keys, true, true);
  o->set_flag(frozen ? (Object::kElementsFrozen | Object::kElementsSealed)
                     : Object::kElementsSealed);
  if (frozen && o->is_array()) o->set_flag(Object::kLengthReadOnly);
  for (PropertyKey k : keys) {
    if (k.is_index() && !ro.object()->has_sparse()) continue;  // covered by the element flags
    Property p;
    if (!vm.get_own_property(ro.object(), k, &p)) continue;
    if (ro.object()->is_array() && k.is_atom() && k.as_atom() == vm.atoms().length) continue;
    std::uint8_t present = 8;
    std::uint8_t attrs = p.attrs & ~attr::kConfigurable;
    if (frozen && !(p.attrs & attr::kAccessor)) {
      present |= 2;
      attrs &= ~attr::kWritable;
    }
    vm.define_own_property(ro.object(), k, Value::undefined(), attrs & ~attr::kAccessor, false,
                           Value::undefined(), Value::undefined(), present);
  }
}

bool test_integrity(VM& vm, Object* o, bool frozen) {
  Rooted ro(vm, Value::object(o));
  if (vm.is_extensible(o)) return false;
  o = ro.object();
  std::vector<PropertyKey> keys;
  vm.own_keys(o, keys, true, true);
  for (PropertyKey k : keys) {
    Property p;
    if (!vm.get_own_property(o, k, &p)) continue;
    if (p.attrs & attr::kConfigurable) return false;
    if (frozen && !(p.attrs & attr::kAccessor) && (p.attrs & attr::kWritable)) return false;
  }
  return true;
}

Value object_freeze(VM& vm, CallInfo& ci) {
  if (ci.arg(0).is_object()) set_integrity(vm, ci.arg(0).as_object(), true);
  return ci.arg(0);
}
Value object_seal(VM& vm, CallInfo& ci) {
  if (ci.arg(0).is_object()) set_integrity(vm, ci.arg(0).as_object(), false);
  return ci.arg(0);
}
Value object_is_frozen(VM& vm, CallInfo& ci) {
  return Value::boolean(!ci.arg(0).is_object() || test_integrity(vm, ci.arg(0).as_object(), true));
}
Value object_is_sealed(VM& vm, CallInfo& ci) {
  return Value::boolean(!ci.arg(0).is_object() || test_integrity(vm, ci.arg(0).as_object(), false));
}
Value object_prevent_extensions(VM& vm, CallInfo& ci) {
  if (ci.arg(0).is_object() && !vm.prevent_extensions(ci.arg(0).as_object())) {
    vm.throw_type_error("'preventExtensions' on proxy: trap returned falsish");
  }
  return ci.arg(0);
}
Value object_is_extensible(VM& vm, CallInfo& ci) {
  return Value::boolean(ci.arg(0).is_object() && vm.is_extensible(ci.arg(0).as_object()));
}

Value object_create(VM& vm, CallInfo& ci) {
  Value proto = ci.arg(0);
  if (!proto.is_object() && !proto.is_null()) {
    vm.throw_type_error("Object prototype may only be an Object or null: " + vm.describe(proto));
  }
  Object* o = vm.new_object_with_proto(proto.is_object() ? proto.as_object() : nullptr);
  Rooted ro(vm, Value::object(o));
  if (!ci.arg(1).is_undefined()) {
    Rooted props(vm, Value::object(vm.to_object(ci.arg(1))));
    std::vector<PropertyKey> keys;
    vm.own_keys(props.object(), keys, true, true);
    for (PropertyKey k : keys) {
      Property p;
      if (!vm.get_own_property(props.object(), k, &p) || !(p.attrs & attr::kEnumerable)) continue;
      Value d = vm.get(props.object(), k);
      define_from_descriptor(vm, ro.object(), k, d);
    }
  }
  return ro.get();
}

Value object_get_prototype_of(VM& vm, CallInfo& ci) {
  Object* o = vm.to_object(ci.arg(0));
  Object* p = vm.get_prototype_of(o);
  return p != nullptr ? Value::object(p) : Value::null();
}

Value object_set_prototype_of(VM& vm, CallInfo& ci) {
  Value o = ci.arg(0);
  Value proto = ci.arg(1);
  if (o.is_nullish()) vm.throw_type_error("Object.setPrototypeOf called on null or undefined");
  if (!proto.is_object() && !proto.is_null()) {
    vm.throw_type_error("Object prototype may only be an Object or null: " + vm.describe(proto));
  }
  if (!o.is_object()) return o;
  if (!vm.set_prototype(o.as_object(), proto.is_object() ? proto.as_object() : nullptr)) {
    vm.throw_type_error(o.as_object()->is_proxy()
                            ? "'setPrototypeOf' on proxy: trap returned falsish"
                        : o.as_object()->is_extensible() ? "Cyclic __proto__ value"
                                                         : "#<Object> is not extensible");
  }
  return o;
}

Value object_define_property(VM& vm, CallInfo& ci) {
  Object* o = require_object_arg(vm, ci.arg(0), "Object.defineProperty");
  Rooted ro(vm, Value::object(o));
  PropertyKey k = vm.to_property_key(ci.arg(1));
  define_from_descriptor(vm, ro.object(), k, ci.arg(2));
  return ro.get();
}

Value object_define_properties(VM& vm, CallInfo& ci) {
  Object* o = require_object_arg(vm, ci.arg(0), "Object.defineProperties");
  Rooted ro(vm, Value::object(o));
  Rooted props(vm, Value::object(vm.to_object(ci.arg(1))));
  std::vector<PropertyKey> keys;
  vm.own_keys(props.object(), keys, true, true);
  for (PropertyKey k : keys) {
    Property p;
    if (!vm.get_own_property(props.object(), k, &p) || !(p.attrs & attr::kEnumerable)) continue;
    Value d = vm.get(props.object(), k);
    define_from_descriptor(vm, ro.object(), k, d);
  }
  return ro.get();
}

Value object_get_own_property_descriptor(VM& vm, CallInfo& ci) {
  Rooted ro(vm, Value::object(vm.to_object(ci.arg(0))));
  PropertyKey k = vm.to_property_key(ci.arg(1));
  Property p;
  if (!vm.get_own_property(ro.object(), k, &p)) return Value::undefined();
  return from_descriptor(vm, p);
}

Value object_get_own_property_descriptors(VM& vm, CallInfo& ci) {
  Rooted ro(vm, Value::object(vm.to_object(ci.arg(0))));
  Rooted out(vm, Value::object(vm.new_object()));
  std::vector<PropertyKey> keys;
  vm.own_keys(ro.object(), keys, true, true);
  for (PropertyKey k : keys) {
    Property p;
    if (!vm.get_own_property(ro.object(), k, &p)) continue;
    Value d = from_descriptor(vm, p);
    vm.create_data_property(out.object(), k, d);
  }
  return out.get();
}

Value object_get_own_property_names(VM& vm, CallInfo& ci) {
  Rooted ro(vm, Value::object(vm.to_object(ci.arg(0))));
  std::vector<PropertyKey> keys;
  vm.own_keys(ro.object(), keys);
  Rooted out(vm, Value::object(vm.new_array()));
  for (PropertyKey k : keys) vm.array_push(out.object(), vm.key_to_value(k));
  return out.get();
}

Value object_get_own_property_symbols(VM& vm, CallInfo& ci) {
  Rooted ro(vm, Value::object(vm.to_object(ci.arg(0))));
  std::vector<PropertyKey> keys;
  vm.own_keys(ro.object(), keys, false, true);
  Rooted out(vm, Value::object(vm.new_array()));
  for (PropertyKey k : keys) vm.array_push(out.object(), k.as_value());
  return out.get();
}

Value object_has_own(VM& vm, CallInfo& ci) {
  Rooted ro(vm, Value::object(vm.to_object(ci.arg(0))));
  PropertyKey k = vm.to_property_key(ci.arg(1));
  return Value::boolean(vm.has_own_property(ro.object(), k));
}

Value object_is(VM& vm, CallInfo& ci) {
  return Value::boolean(vm.same_value(ci.arg(0), ci.arg(1)));
}

Value object_from_entries(VM& vm, CallInfo& ci) {
  Rooted out(vm, Value::object(vm.new_object()));
  vm.iterate(ci.arg(0), [&](Value entry) {
    if (!entry.is_object())
      vm.throw_type_error("Iterator value " + vm.describe(entry) + " is not an entry object");
    Rooted re(vm, entry);
    Rooted k(vm, vm.get(entry.as_object(), PropertyKey::index(0)));
    Value v = vm.get(re.object(), PropertyKey::index(1));
    Rooted rv(vm, v);
    vm.create_data_property(out.object(), vm.to_property_key(k.get()), rv.get());
    return true;
  });
  return out.get();
}

// Object.prototype

Value proto_has_own_property(VM& vm, CallInfo& ci) {
  PropertyKey k = vm.to_property_key(ci.arg(0));
  Object* o = vm.to_object(ci.this_value);
  return Value::boolean(vm.has_own_property(o, k));
}

Value proto_is_prototype_of(VM& vm, CallInfo& ci) {
  if (!ci.arg(0).is_object()) return Value::boolean(false);
  Rooted o(vm, Value::object(vm.to_object(ci.this_value)));
  Rooted cur(vm, ci.arg(0));
  for (;;) {
    Object* p = vm.get_prototype_of(cur.object());
    if (p == nullptr) return Value::boolean(false);
    if (p == o.object()) return Value::boolean(true);
    cur.set(Value::object(p));
  }
}

// Annex B.2.2.2-5: __defineGetter__, __defineSetter__, __lookupGetter__,
// __lookupSetter__.
Value define_legacy_accessor(VM& vm, CallInfo& ci, bool getter) {
  Rooted o(vm, Value::object(vm.to_object(ci.this_value)));
  Value fn = ci.arg(1);
  if (!vm.is_callable(fn)) {
    vm.throw_type_error(std::string("Object.prototype.__define") + (getter ? "Getter" : "Setter") +
                        "__: Expecting function");
  }
  Rooted rf(vm, fn);
  PropertyKey k = vm.to_property_key(ci.arg(0));
  std::uint8_t present = static_cast<std::uint8_t>(4 | 8 | (getter ? 16 : 32));
  if (!vm.define_own_property(o.object(), k, Value::undefined(),
                              attr::kEnumerable | attr::kConfigurable, true,
                              getter ? rf.get() : Value::undefined(),
                              getter ? Value::undefined() : rf.get(), present)) {
    vm.throw_type_error("Cannot redefine property: " + vm.describe(vm.key_to_value(k)));
  }
  return Value::undefined();
}

Value lookup_legacy_accessor(VM& vm, CallInfo& ci, bool getter) {
  Rooted cur(vm, Value::object(vm.to_object(ci.this_value)));
  PropertyKey k = vm.to_property_key(ci.arg(0));
  for (;;) {
    Property p;
    if (vm.get_own_property(cur.object(), k, &p)) {
      if ((p.attrs & attr::kAccessor) == 0) return Value::undefined();
      auto* pair = static_cast<AccessorPair*>(p.value.as_cell());
      return getter ? pair->getter : pair->setter;
    }
    Object* proto = vm.get_prototype_of(cur.object());
    if (proto == nullptr) return Value::undefined();
    cur.set(Value::object(proto));
  }
}

Value proto_define_getter(VM& vm, CallInfo& ci) {
  return define_legacy_accessor(vm, ci, true);
}
Value proto_define_setter(VM& vm, CallInfo& ci) {
  return define_legacy_accessor(vm, ci, false);
}
Value proto_lookup_getter(VM& vm, CallInfo& ci) {
  return lookup_legacy_accessor(vm, ci, true);
}
Value proto_lookup_setter(VM& vm, CallInfo& ci) {
  return lookup_legacy_accessor(vm, ci, false);
}

Value proto_property_is_enumerable(VM& vm, CallInfo& ci) {
  PropertyKey k = vm.to_property_key(ci.arg(0));
  Object* o = vm.to_object(ci.this_value);
  Property p;
  return Value::boolean(vm.get_own_property(o, k, &p) && (p.attrs & attr::kEnumerable));
}

Value proto_to_string(VM& vm, CallInfo& ci) {
  Value t = ci.this_value;
  if (t.is_undefined()) return Value::string(vm.intern("[object Undefined]"));
  if (t.is_null()) return Value::string(vm.intern("[object Null]"));
  Rooted ro(vm, Value::object(vm.to_object(t)));
  const char* tag = "Object";
  switch (ro.object()->klass()) {
    case ObjectClass::kArray:
      tag = "Array";
      break;
    case ObjectClass::kFunction:
    case ObjectClass::kNativeFunction:
    case ObjectClass::kBoundFunction:
    case ObjectClass::kCallableProxy:
      tag = "Function";
      break;
    case ObjectClass::kProxy:
      if (vm.is_array(ro.get())) tag = "Array";  // IsArray sees through proxies
      break;
    case ObjectClass::kError:
      tag = "Error";
      break;
    case ObjectClass::kBoolean:
      tag = "Boolean";
      break;
    case ObjectClass::kNumber:
      tag = "Number";
      break;
    case ObjectClass::kString:
      tag = "String";
      break;
    case ObjectClass::kArguments:
      tag = "Arguments";
      break;
    case ObjectClass::kDate:
      tag = "Date";
      break;
    case ObjectClass::kRegExp:
      tag = "RegExp";
      break;
    default:
      break;
  }
  std::string out = "[object ";
  Value st = vm.get(ro.object(), PropertyKey::symbol(vm.intrinsics().symbol_to_string_tag));
  out += st.is_string() ? st.as_string()->to_utf8() : std::string(tag);
  out += "]";
  return Value::string(vm.new_string_utf8(out));
}

Value proto_to_locale_string(VM& vm, CallInfo& ci) {
  Value fn = vm.get_value(ci.this_value, PropertyKey::atom(vm.atoms().toString));
  return vm.call(fn, ci.this_value, {});
}

Value proto_value_of(VM& vm, CallInfo& ci) {
  return Value::object(vm.to_object(ci.this_value));
}

Value proto_get_proto(VM& vm, CallInfo& ci) {
  Object* o = vm.to_object(ci.this_value);
  Object* p = vm.get_prototype_of(o);
  return p != nullptr ? Value::object(p) : Value::null();
}

Value proto_set_proto(VM& vm, CallInfo& ci) {
  Value proto = ci.arg(0);
  if (ci.this_value.is_object() && (proto.is_object() || proto.is_null())) {
    if (!vm.set_prototype(ci.this_value.as_object(),
                          proto.is_object() ? proto.as_object() : nullptr)) {
      vm.throw_type_error("Cyclic __proto__ value");
    }
  }
  return Value::undefined();
}

}  // namespace

void to_property_descriptor(VM& vm, Value desc_v, PropertyDescriptor& out) {
  if (!desc_v.is_object()) {
    vm.throw_type_error("Property description must be an object: " + vm.describe(desc_v));
  }
  Rooted rd(vm, desc_v);
  Atoms& a = vm.atoms();
  if (vm.has_property(rd.object(), PropertyKey::atom(a.enumerable))) {
    out.present |= 4;
    if (VM::to_boolean(vm.get(rd.object(), PropertyKey::atom(a.enumerable))))
      out.attrs |= attr::kEnumerable;
  }
  if (vm.has_property(rd.object(), PropertyKey::atom(a.configurable))) {
    out.present |= 8;
    if (VM::to_boolean(vm.get(rd.object(), PropertyKey::atom(a.configurable))))
      out.attrs |= attr::kConfigurable;
  }
  if (vm.has_property(rd.object(), PropertyKey::atom(a.value))) {
    out.present |= 1;
    out.value.set(vm.get(rd.object(), PropertyKey::atom(a.value)));
  }
  if (vm.has_property(rd.object(), PropertyKey::atom(a.writable))) {
    out.present |= 2;
    if (VM::to_boolean(vm.get(rd.object(), PropertyKey::atom(a.writable))))
      out.attrs |= attr::kWritable;
  }
  if (vm.has_property(rd.object(), PropertyKey::atom(a.get))) {
    out.present |= 16;
    out.getter.set(vm.get(rd.object(), PropertyKey::atom(a.get)));
    if (!out.getter.get().is_undefined() && !vm.is_callable(out.getter.get())) {
      vm.throw_type_error("Getter must be a function: " + vm.describe(out.getter.get()));
    }
  }
  if (vm.has_property(rd.object(), PropertyKey::atom(a.set))) {
    out.present |= 32;
    out.setter.set(vm.get(rd.object(), PropertyKey::atom(a.set)));
    if (!out.setter.get().is_undefined() && !vm.is_callable(out.setter.get())) {
      vm.throw_type_error("Setter must be a function: " + vm.describe(out.setter.get()));
    }
  }
  if (out.is_accessor() && (out.present & (1 | 2))) {
    vm.throw_type_error(
        "Invalid property descriptor. Cannot both specify accessors and a value or writable "
        "attribute");
  }
}

bool define_from_descriptor(VM& vm, Object* obj, PropertyKey key, Value desc_v, bool throws) {
  Rooted ro(vm, Value::object(obj));
  PropertyDescriptor d(vm);
  to_property_descriptor(vm, desc_v, d);
  if (!vm.define_own_property(ro.object(), key, d.value.get(), d.attrs, d.is_accessor(),
                              d.getter.get(), d.setter.get(), d.present)) {
    if (!throws) return false;
    Value kv = vm.key_to_value(key);
    vm.throw_type_error("Cannot redefine property: " +
                        (kv.is_string() ? kv.as_string()->to_utf8() : vm.describe(key.as_value())));
  }
  return true;
}

Value from_descriptor(VM& vm, const Property& p) {
  Rooted rv(vm, p.value);
  Object* d = vm.new_object();
  Rooted rd(vm, Value::object(d));
  Atoms& a = vm.atoms();
  if (p.attrs & attr::kAccessor) {
    auto* pair = static_cast<AccessorPair*>(rv.get().as_cell());
    Rooted s(vm, pair->setter);
    vm.create_data_property(rd.object(), PropertyKey::atom(a.get), pair->getter);
    vm.create_data_property(rd.object(), PropertyKey::atom(a.set), s.get());
  } else {
    vm.create_data_property(rd.object(), PropertyKey::atom(a.value), rv.get());
    vm.create_data_property(rd.object(), PropertyKey::atom(a.writable),
                            Value::boolean(p.attrs & attr::kWritable));
  }
  vm.create_data_property(rd.object(), PropertyKey::atom(a.enumerable),
                          Value::boolean(p.attrs & attr::kEnumerable));
  vm.create_data_property(rd.object(), PropertyKey::atom(a.configurable),
                          Value::boolean(p.attrs & attr::kConfigurable));
  return rd.get();
}

void install_object(VM& vm, Object* global) {
  Intrinsics& in = vm.intrinsics();
  Object* proto = in.object_prototype;
  NativeFunction* ctor = make_constructor(vm, global, "Object", object_ctor, 1, proto);
  Rooted rc(vm, Value::object(ctor));
  in.object_constructor = ctor;
  Object* c = rc.object();
  vm.define_native(c, "keys", object_keys, 1);
  vm.define_native(c, "values", object_values, 1);
  vm.define_native(c, "entries", object_entries, 1);
  vm.define_native(c, "assign", object_assign, 2);
  vm.define_native(c, "freeze", object_freeze, 1);
  vm.define_native(c, "isFrozen", object_is_frozen, 1);
  vm.define_native(c, "seal", object_seal, 1);
  vm.define_native(c, "isSealed", object_is_sealed, 1);
  vm.define_native(c, "preventExtensions", object_prevent_extensions, 1);
  vm.define_native(c, "isExtensible", object_is_extensible, 1);
  vm.define_native(c, "create", object_create, 2);
  vm.define_native(c, "getPrototypeOf", object_get_prototype_of, 1);
  vm.define_native(c, "setPrototypeOf", object_set_prototype_of, 2);
  vm.define_native(c, "defineProperty", object_define_property, 3);
  vm.define_native(c, "defineProperties", object_define_properties, 2);
  vm.define_native(c, "getOwnPropertyDescriptor", object_get_own_property_descriptor, 2);
  vm.define_native(c, "getOwnPropertyDescriptors", object_get_own_property_descriptors, 1);
  vm.define_native(c, "getOwnPropertyNames", object_get_own_property_names, 1);
  vm.define_native(c, "getOwnPropertySymbols", object_get_own_property_symbols, 1);
  vm.define_native(c, "hasOwn", object_has_own, 2);
  vm.define_native(c, "is", object_is, 2);
  vm.define_native(c, "fromEntries", object_from_entries, 1);

  vm.define_native(proto, "hasOwnProperty", proto_has_own_property, 1);
  vm.define_native(proto, "isPrototypeOf", proto_is_prototype_of, 1);
  vm.define_native(proto, "propertyIsEnumerable", proto_property_is_enumerable, 1);
  vm.define_native(proto, "__defineGetter__", proto_define_getter, 2);
  vm.define_native(proto, "__defineSetter__", proto_define_setter, 2);
  vm.define_native(proto, "__lookupGetter__", proto_lookup_getter, 1);
  vm.define_native(proto, "__lookupSetter__", proto_lookup_setter, 1);
  vm.define_native(proto, "toString", proto_to_string, 0);
  vm.define_native(proto, "toLocaleString", proto_to_locale_string, 0);
  vm.define_native(proto, "valueOf", proto_value_of, 0);
  Rooted rp(vm, Value::object(proto));
  NativeFunction* g = vm.new_native(proto_get_proto, vm.intern("get __proto__"), 0);
  Rooted rg(vm, Value::object(g));
  NativeFunction* s = vm.new_native(proto_set_proto, vm.intern("set __proto__"), 1);
  vm.define_own_property(rp.object(), vm.key("__proto__"), Value::undefined(), attr::kConfigurable,
                         true, rg.get(), Value::object(s));
}

}  // namespace kite::vm::builtins
