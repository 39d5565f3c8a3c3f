// Proxy (ECMA-262 28.2) and the proxy exotic object's internal methods
// (10.5). Each VM::proxy_* method below is one internal method: it looks up
// the handler's trap, falls back to the target's own method when there is
// none, and otherwise checks the trap's answer against what the target
// allows (the invariants), throwing a TypeError that names the trap.
#include <string>
#include <vector>

#include "builtins/builtins.h"
#include "objects/accessor_pair.h"
#include "objects/proxy.h"
#include "objects/symbol.h"

namespace kite::vm {

namespace {

ProxyObject* as_proxy(Object* o) {
  return static_cast<ProxyObject*>(o);
}

// The handler's trap `name` (undefined when absent), with the target in
// *target. A revoked proxy is a TypeError.
Value get_trap(VM& vm, Object* proxy, const char* name, Value* target) {
  ProxyObject* p = as_proxy(proxy);
  if (p->handler.is_null()) {
    vm.throw_type_error(std::string("Cannot perform '") + name +
                        "' on a proxy that has been revoked");
  }
  *target = p->target;
  Rooted rt(vm, p->target);
  Value trap = vm.get_method(p->handler, vm.key(name));
  *target = rt.get();
  return trap;
}

[[noreturn]] void invariant(VM& vm, const char* trap, const std::string& what) {
  vm.throw_type_error(std::string("'") + trap + "' on proxy: " + what);
}

std::string key_text(VM& vm, PropertyKey key) {
  Value kv = vm.key_to_value(key);
  return kv.is_string() ? kv.as_string()->to_utf8() : vm.describe(key.as_value());
}

// The key as a value a trap receives (a string or a symbol).
Value key_arg(VM& vm, PropertyKey key) {
  return key.is_symbol() ? key.as_value() : vm.key_to_value(key);
}

bool configurable(const Property& p) {
  return (p.attrs & attr::kConfigurable) != 0;
}
bool is_accessor(const Property& p) {
  return (p.attrs & attr::kAccessor) != 0;
}

// IsCompatiblePropertyDescriptor (10.1.6.2): ValidateAndApplyPropertyDescriptor
// without an object, for a descriptor with the `present` fields.
bool compatible(VM& vm, bool extensible, std::uint8_t present, std::uint8_t attrs,
                bool desc_accessor, Value value, Value getter, Value setter,
                const Property* current) {
  if (current == nullptr) return extensible;
  if (configurable(*current)) return true;
  if ((present & 8) && (attrs & attr::kConfigurable)) return false;
  if ((present & 4) && static_cast<bool>(attrs & attr::kEnumerable) !=
                           static_cast<bool>(current->attrs & attr::kEnumerable)) {
    return false;
  }
  bool generic = (present & (1 | 2 | 16 | 32)) == 0;
  if (!generic && desc_accessor != is_accessor(*current)) return false;
  if (is_accessor(*current)) {
    auto* pair = static_cast<AccessorPair*>(current->value.as_cell());
    if ((present & 16) && !vm.same_value(getter, pair->getter)) return false;
    if ((present & 32) && !vm.same_value(setter, pair->setter)) return false;
  } else if ((current->attrs & attr::kWritable) == 0) {
    if ((present & 2) && (attrs & attr::kWritable)) return false;
    if ((present & 1) && !vm.same_value(value, current->value)) return false;
  }
  return true;
}

// FromPropertyDescriptor (6.2.6.4) of a descriptor with only the `present` fields.
Value from_partial_descriptor(VM& vm, std::uint8_t present, std::uint8_t attrs, Value value,
                              Value getter, Value setter) {
  Rooted rv(vm, value);
  Rooted rg(vm, getter);
  Rooted rs(vm, setter);
  Rooted d(vm, Value::object(vm.new_object()));
  Atoms& a = vm.atoms();
  if (present & 1) vm.create_data_property(d.object(), PropertyKey::atom(a.value), rv.get());
  if (present & 2) {
    vm.create_data_property(d.object(), PropertyKey::atom(a.writable),
                            Value::boolean(attrs & attr::kWritable));
  }
  if (present & 16) vm.create_data_property(d.object(), PropertyKey::atom(a.get), rg.get());
  if (present & 32) vm.create_data_property(d.object(), PropertyKey::atom(a.set), rs.get());
  if (present & 4) {
    vm.create_data_property(d.object(), PropertyKey::atom(a.enumerable),
                            Value::boolean(attrs & attr::kEnumerable));
  }
  if (present & 8) {
    vm.create_data_property(d.object(), PropertyKey::atom(a.configurable),
                            Value::boolean(attrs & attr::kConfigurable));
  }
  return d.get();
}

Value call_trap(VM& vm, Value trap, Object* proxy, std::span<const Value> args) {
  return vm.call(trap, as_proxy(proxy)->handler, args);
}

}  // namespace

// 10.5.1 [[GetPrototypeOf]]
Object* VM::proxy_get_prototype_of(Object* proxy) {
  if (proxy->klass() == ObjectClass::kModuleNamespace) return nullptr;  // 10.4.6.1
  Rooted rp(*this, Value::object(proxy));
  Value target;
  Value trap = get_trap(*this, proxy, "getPrototypeOf", &target);
  Rooted rt(*this, target);
  if (trap.is_undefined()) return get_prototype_of(rt.object());
  Value args[1] = {rt.get()};
  Value r = call_trap(*this, trap, rp.object(), args);
  if (!r.is_object() && !r.is_null())
    invariant(*this, "getPrototypeOf", "trap returned neither object nor null");
  Rooted rr(*this, r);
  if (is_extensible(rt.object())) return r.is_null() ? nullptr : rr.object();
  Object* target_proto = get_prototype_of(rt.object());
  if ((rr.get().is_null() ? nullptr : rr.object()) != target_proto) {
    invariant(*this, "getPrototypeOf",
              "proxy target is non-extensible but the trap did not return its actual prototype");
  }
  return target_proto;
}

// 10.5.2 [[SetPrototypeOf]]
bool VM::proxy_set_prototype_of(Object* proxy, Object* proto) {
  if (proxy->klass() == ObjectClass::kModuleNamespace)
    return proto == nullptr;  // SetImmutablePrototype
  Rooted rp(*this, Value::object(proxy));
  Rooted rv(*this, proto != nullptr ? Value::object(proto) : Value::null());
  Value target;
  Value trap = get_trap(*this, proxy, "setPrototypeOf", &target);
  Rooted rt(*this, target);
  if (trap.is_undefined())
    return set_prototype(rt.object(), rv.get().is_null() ? nullptr : rv.object());
  Value args[2] = {rt.get(), rv.get()};
  if (!to_boolean(call_trap(*this, trap, rp.object(), args))) return false;
  if (is_extensible(rt.object())) return true;
  Object* target_proto = get_prototype_of(rt.object());
  if (target_proto != (rv.get().is_null() ? nullptr : rv.object())) {
    invariant(
        *this, "setPrototypeOf",
        "trap returned truish for setting a new prototype on the non-extensible proxy target");
  }
  return true;
}

// 10.5.3 [[IsExtensible]]
bool VM::proxy_is_extensible(Object* proxy) {
  if (proxy->klass() == ObjectClass::kModuleNamespace) return false;
  Rooted rp(*this, Value::object(proxy));
  Value target;
  Value trap = get_trap(*this, proxy, "isExtensible", &target);
  Rooted rt(*this, target);
  if (trap.is_undefined()) return is_extensible(rt.object());
  Value args[1] = {rt.get()};
  bool result = to_boolean(call_trap(*this, trap, rp.object(), args));
  if (result != is_extensible(rt.object())) {
    invariant(
        *this, "isExtensible",
        std::string("trap result does not reflect extensibility of proxy target (which is '") +
            (result ? "false" : "true") + "')");
  }
  return result;
}

// 10.5.4 [[PreventExtensions]]
bool VM::proxy_prevent_extensions(Object* proxy) {
  if (proxy->klass() == ObjectClass::kModuleNamespace) return true;
  Rooted rp(*this, Value::object(proxy));
  Value target;
  Value trap = get_trap(*this, proxy, "preventExtensions", &target);
  Rooted rt(*this, target);
  if (trap.is_undefined()) return prevent_extensions(rt.object());
  Value args[1] = {rt.get()};
  bool result = to_boolean(call_trap(*this, trap, rp.object(), args));
  if (result && is_extensible(rt.object())) {
    invariant(*this, "preventExtensions",
              "trap returned truish but the proxy target is extensible");
  }
  return result;
}

// 10.5.5 [[GetOwnProperty]]
bool VM::proxy_get_own_property(Object* proxy, PropertyKey key, Property* out) {
  if (proxy->klass() == ObjectClass::kModuleNamespace)
    return namespace_get_own_property(proxy, key, out);
  Rooted rp(*this, Value::object(proxy));
  Value target;
  Value trap = get_trap(*this, proxy, "getOwnPropertyDescriptor", &target);
  Rooted rt(*this, target);
  if (trap.is_undefined()) return get_own_property(rt.object(), key, out);
  Value args[2] = {rt.get(), key_arg(*this, key)};
  Rooted result(*this, call_trap(*this, trap, rp.object(), args));
  if (!result.get().is_object() && !result.get().is_undefined()) {
    invariant(
        *this, "getOwnPropertyDescriptor",
        "trap returned neither object nor undefined for property '" + key_text(*this, key) + "'");
  }
  Property target_desc;
  bool has_target = get_own_property(rt.object(), key, &target_desc);
  Rooted keep(*this, has_target ? target_desc.value : Value::undefined());
  if (result.get().is_undefined()) {
    if (!has_target) return false;
    if (!configurable(target_desc)) {
      invariant(*this, "getOwnPropertyDescriptor",
                "trap returned undefined for property '" + key_text(*this, key) +
                    "' which is non-configurable in the proxy target");
    }
    if (!is_extensible(rt.object())) {
      invariant(*this, "getOwnPropertyDescriptor",
                "trap returned undefined for property '" + key_text(*this, key) +
                    "' which exists in the non-extensible proxy target");
    }
    return false;
  }
  bool extensible = is_extensible(rt.object());
  builtins::PropertyDescriptor d(*this);
  builtins::to_property_descriptor(*this, result.get(), d);
  // CompletePropertyDescriptor (6.2.6.6).
  std::uint8_t attrs = d.attrs;
  bool accessor = d.is_accessor();
  if (!compatible(*this, extensible, d.present, d.attrs, accessor, d.value.get(), d.getter.get(),
                  d.setter.get(), has_target ? &target_desc : nullptr)) {
    invariant(*this, "getOwnPropertyDescriptor",
              "trap returned descriptor for property '" + key_text(*this, key) +
                  "' that is incompatible with the existing property in the proxy target");
  }
  if ((attrs & attr::kConfigurable) == 0) {
    if (!has_target || configurable(target_desc)) {
      invariant(*this, "getOwnPropertyDescriptor",
                "trap reported non-configurability for property '" + key_text(*this, key) +
                    "' which is either non-existent or configurable in the proxy target");
    }
    if ((d.present & 2) && (attrs & attr::kWritable) == 0 && !is_accessor(target_desc) &&
        (target_desc.attrs & attr::kWritable)) {
      invariant(*this, "getOwnPropertyDescriptor",
                "trap reported non-configurable and writable for property '" +
                    key_text(*this, key) +
                    "' which is non-configurable, non-writable in the proxy target");
    }
  }
  if (accessor) {
    out->attrs = static_cast<std::uint8_t>((attrs & (attr::kEnumerable | attr::kConfigurable)) |
                                           attr::kAccessor);
    out->value = Value::cell(new_accessor(d.getter.get(), d.setter.get()));
  } else {
    out->attrs = attrs;
    out->value = d.value.get();
  }
  return true;
}

// 10.5.6 [[DefineOwnProperty]]
bool VM::proxy_define_own_property(Object* proxy, PropertyKey key, Value value, std::uint8_t attrs,
                                   bool accessor, Value getter, Value setter,
                                   std::uint8_t present) {
  if (proxy->klass() == ObjectClass::kModuleNamespace) {
    return namespace_define_own_property(proxy, key, value, attrs, accessor, present);
  }
  Rooted rp(*this, Value::object(proxy));
  Rooted rv(*this, value);
  Rooted rg(*this, getter);
  Rooted rs(*this, setter);
  Value target;
  Value trap = get_trap(*this, proxy, "defineProperty", &target);
  Rooted rt(*this, target);
  if (trap.is_undefined()) {
    return define_own_property(rt.object(), key, rv.get(), attrs, accessor, rg.get(), rs.get(),
                               present);
  }
  if (present == 0xFF) present = accessor ? (4 | 8 | 16 | 32) : (1 | 2 | 4 | 8);
  Value desc = from_partial_descriptor(*this, present, attrs, rv.get(), rg.get(), rs.get());
  Value args[3] = {rt.get(), key_arg(*this, key), desc};
  if (!to_boolean(call_trap(*this, trap, rp.object(), args))) return false;
  Property target_desc;
  bool has_target = get_own_property(rt.object(), key, &target_desc);
  Rooted keep(*this, has_target ? target_desc.value : Value::undefined());
  bool extensible = is_extensible(rt.object());
  bool setting_config_false = (present & 8) && (attrs & attr::kConfigurable) == 0;
  if (!has_target) {
    if (!extensible) {
      invariant(*this, "defineProperty",
                "trap returned truish for adding property '" + key_text(*this, key) +
                    "'  to the non-extensible proxy target");
    }
    if (setting_config_false) {
      invariant(*this, "defineProperty",
                "trap returned truish for defining non-configurable property '" +
                    key_text(*this, key) +
                    "' which is either non-existent or configurable in the proxy target");
    }
    return true;
  }
  if (!compatible(*this, extensible, present, attrs, accessor, rv.get(), rg.get(), rs.get(),
                  &target_desc)) {
    invariant(*this, "defineProperty",
              "trap returned truish for adding property '" + key_text(*this, key) +
                  "'  that is incompatible with the existing property in the proxy target");
  }
  if (setting_config_false && configurable(target_desc)) {
    invariant(*this, "defineProperty",
              "trap returned truish for defining non-configurable property '" +
                  key_text(*this, key) +
                  "' which is either non-existent or configurable in the proxy target");
  }
  if (!is_accessor(target_desc) && !configurable(target_desc) &&
      (target_desc.attrs & attr::kWritable) && (present & 2) && (attrs & attr::kWritable) == 0) {
    invariant(*this, "defineProperty",
              "trap returned truish for defining non-configurable property '" +
                  key_text(*this, key) +
                  "' which cannot be non-writable, unless there exists a corresponding "
                  "non-configurable, non-writable own property of the target object.");
  }
  return true;
}

// 10.5.7 [[HasProperty]]
bool VM::proxy_has(Object* proxy, PropertyKey key) {
  if (proxy->klass() == ObjectClass::kModuleNamespace) return namespace_has(proxy, key);
  Rooted rp(*this, Value::object(proxy));
  Value target;
  Value trap = get_trap(*this, proxy, "has", &target);
  Rooted rt(*this, target);
  if (trap.is_undefined()) return has_property(rt.object(), key);
  Value args[2] = {rt.get(), key_arg(*this, key)};
  if (to_boolean(call_trap(*this, trap, rp.object(), args))) return true;
  Property target_desc;
  if (get_own_property(rt.object(), key, &target_desc)) {
    if (!configurable(target_desc)) {
      invariant(*this, "has",
                "trap returned falsish for property '" + key_text(*this, key) +
                    "' which exists in the proxy target as non-configurable");
    }
    if (!is_extensible(rt.object())) {
      invariant(*this, "has",
                "trap returned falsish for property '" + key_text(*this, key) +
                    "' but the proxy target is not extensible");
    }
  }
  return false;
}

// 10.5.8 [[Get]]
Value VM::proxy_get(Object* proxy, PropertyKey key, Value receiver) {
  if (proxy->klass() == ObjectClass::kModuleNamespace) return namespace_get(proxy, key);
  Rooted rp(*this, Value::object(proxy));
  Rooted rr(*this, receiver);
  Value target;
  Value trap = get_trap(*this, proxy, "get", &target);
  Rooted rt(*this, target);
  if (trap.is_undefined()) return get(rt.object(), key, rr.get());
  Value args[3] = {rt.get(), key_arg(*this, key), rr.get()};
  Rooted result(*this, call_trap(*this, trap, rp.object(), args));
  Property target_desc;
  if (get_own_property(rt.object(), key, &target_desc) && !configurable(target_desc)) {
    if (!is_accessor(target_desc) && (target_desc.attrs & attr::kWritable) == 0 &&
        !same_value(result.get(), target_desc.value)) {
      invariant(*this, "get",
                "property '" + key_text(*this, key) +
                    "' is a read-only and non-configurable data property on the proxy target but "
                    "the proxy did not return its actual value");
    }
    if (is_accessor(target_desc) &&
        static_cast<AccessorPair*>(target_desc.value.as_cell())->getter.is_undefined() &&
        !result.get().is_undefined()) {
      invariant(*this, "get",
                "property '" + key_text(*this, key) +
                    "' is a non-configurable accessor property on the proxy target and does not "
                    "have a getter function, but the trap did not return 'undefined'");
    }
  }
  return result.get();
}

// 10.5.9 [[Set]]
bool VM::proxy_set(Object* proxy, PropertyKey key, Value v, Value receiver) {
  if (proxy->klass() == ObjectClass::kModuleNamespace) return false;  // 10.4.6.9
  Rooted rp(*this, Value::object(proxy));
  Rooted rv(*this, v);
  Rooted rr(*this, receiver);
  Value target;
  Value trap = get_trap(*this, proxy, "set", &target);
  Rooted rt(*this, target);
  if (trap.is_undefined()) return set_or_refuse(rt.object(), key, rv.get(), rr.get(), false);
  Value args[4] = {rt.get(), key_arg(*this, key), rv.get(), rr.get()};
  if (!to_boolean(call_trap(*this, trap, rp.object(), args))) return false;
  Property target_desc;
  if (get_own_property(rt.object(), key, &target_desc) && !configurable(target_desc)) {
    if (!is_accessor(target_desc) && (target_desc.attrs & attr::kWritable) == 0 &&
        !same_value(rv.get(), target_desc.value)) {
      invariant(*this, "set",
                "trap returned truish for property '" + key_text(*this, key) +
                    "' which exists in the proxy target as a non-configurable and non-writable "
                    "data property with a different value");
    }
    if (is_accessor(target_desc) &&
        static_cast<AccessorPair*>(target_desc.value.as_cell())->setter.is_undefined()) {
      invariant(*this, "set",
                "trap returned truish for property '" + key_text(*this, key) +
                    "' which exists in the proxy target as a non-configurable and writable "
                    "accessor property without a setter");
    }
  }
  return true;
}

// 10.5.10 [[Delete]]
bool VM::proxy_delete(Object* proxy, PropertyKey key) {
  if (proxy->klass() == ObjectClass::kModuleNamespace) return namespace_delete(proxy, key);
  Rooted rp(*this, Value::object(proxy));
  Value target;
  Value trap = get_trap(*this, proxy, "deleteProperty", &target);
  Rooted rt(*this, target);
  if (trap.is_undefined()) return delete_property(rt.object(), key);
  Value args[2] = {rt.get(), key_arg(*this, key)};
  if (!to_boolean(call_trap(*this, trap, rp.object(), args))) return false;
  Property target_desc;
  if (!get_own_property(rt.object(), key, &target_desc)) return true;
  if (!configurable(target_desc)) {
    invariant(*this, "deleteProperty",
              "trap returned truish for property '" + key_text(*this, key) +
                  "' which is non-configurable in the proxy target");
  }
  if (!is_extensible(rt.object())) {
    invariant(*this, "deleteProperty",
              "trap returned truish for property '" + key_text(*this, key) +
                  "' but the proxy target is non-extensible");
  }
  return true;
}

// 10.5.11 [[OwnPropertyKeys]]. The keys' atoms are kept alive until the
// current job ends (VM::kept_objects): the caller holds them only in a
// C++ vector.
void VM::proxy_own_keys(Object* proxy, std::vector<PropertyKey>& out) {
  if (proxy->klass() == ObjectClass::kModuleNamespace) return namespace_own_keys(proxy, out);
  Rooted rp(*this, Value::object(proxy));
  Value target;
  Value trap = get_trap(*this, proxy, "ownKeys", &target);
  Rooted rt(*this, target);
  if (trap.is_undefined()) {
    own_keys(rt.object(), out, true, true);
    return;
  }
  Value args[1] = {rt.get()};
  Rooted array(*this, call_trap(*this, trap, rp.object(), args));
  if (!array.get().is_object()) invariant(*this, "ownKeys", "trap result is not an object");
  std::uint32_t len = to_length_u32(get(array.object(), PropertyKey::atom(atoms_.length)));
  std::vector<PropertyKey> result;
  for (std::uint32_t i = 0; i < len; ++i) {
    Value v = get(array.object(), PropertyKey::index(i));
    if (!v.is_string() && !v.is_symbol()) {
      throw_type_error(describe(v) + " is not a valid property name");
    }
    PropertyKey k = to_property_key(v);
    if (k.is_atom()) kept_objects_.push_back(Value::string(k.as_atom()));
    for (PropertyKey seen : result) {
      if (seen == k) invariant(*this, "ownKeys", "trap returned duplicate entries");
    }
    result.push_back(k);
  }
  bool extensible = is_extensible(rt.object());
  std::vector<PropertyKey> target_keys;
  own_keys(rt.object(), target_keys, true, true);
  std::vector<PropertyKey> configurable_keys, fixed_keys;
  for (PropertyKey k : target_keys) {
    Property p;
    if (get_own_property(rt.object(), k, &p) && !configurable(p)) {
      fixed_keys.push_back(k);
    } else {
      configurable_keys.push_back(k);
    }
  }
  if (extensible && fixed_keys.empty()) {
    out.insert(out.end(), result.begin(), result.end());
    return;
  }
  std::vector<PropertyKey> unchecked = result;
  auto take = [&](PropertyKey k) {
    for (auto it = unchecked.begin(); it != unchecked.end(); ++it) {
      if (*it == k) {
        unchecked.erase(it);
        return true;
      }
    }
    return false;
  };
  for (PropertyKey k : fixed_keys) {
    if (!take(k))
      invariant(*this, "ownKeys", "trap result did not include '" + key_text(*this, k) + "'");
  }
  if (!extensible) {
    for (PropertyKey k : configurable_keys) {
      if (!take(k))
        invariant(*this, "ownKeys", "trap result did not include '" + key_text(*this, k) + "'");
    }
    if (!unchecked.empty()) {
      invariant(*this, "ownKeys", "trap returned extra keys but proxy target is non-extensible");
    }
  }
  out.insert(out.end(), result.begin(), result.end());
}

// 10.5.12 [[Call]]
Value VM::proxy_call(Object* proxy, Value this_value, std::span<const Value> args) {
  Rooted rp(*this, Value::object(proxy));
  Rooted rthis(*this, this_value);
  Rooted list(*this, Value::object(new_array_from(args)));
  Value target;
  Value trap = get_trap(*this, rp.object(), "apply", &target);
  Rooted rt(*this, target);
  if (trap.is_undefined()) {
    Object* a = list.object();
    return call(rt.get(), rthis.get(), std::span<const Value>(a->elements(), a->element_count()));
  }
  Value trap_args[3] = {rt.get(), rthis.get(), list.get()};
  return call_trap(*this, trap, rp.object(), trap_args);
}

// 10.5.13 [[Construct]]
Value VM::proxy_construct(Object* proxy, std::span<const Value> args, Value new_target) {
  Rooted rp(*this, Value::object(proxy));
  Rooted rn(*this, new_target);
  Rooted list(*this, Value::object(new_array_from(args)));
  Value target;
  Value trap = get_trap(*this, rp.object(), "construct", &target);
  Rooted rt(*this, target);
  if (trap.is_undefined()) {
    Object* a = list.object();
    return construct(rt.get(), std::span<const Value>(a->elements(), a->element_count()), rn.get());
  }
  Value trap_args[3] = {rt.get(), list.get(), rn.get()};
  Value r = call_trap(*this, trap, rp.object(), trap_args);
  if (!r.is_object())
    invariant(*this, "construct", "trap returned non-object ('" + describe(r) + "')");
  return r;
}

}  // namespace kite::vm

namespace kite::vm::builtins {

namespace {

// ProxyCreate (10.5.14).
Value proxy_create(VM& vm, Value target, Value handler) {
  if (!target.is_object() || !handler.is_object()) {
    vm.throw_type_error("Cannot create proxy with a non-object as target or handler");
  }
  return Value::object(vm.new_proxy(target, handler));
}

Value proxy_ctor(VM& vm, CallInfo& ci) {
  if (ci.new_target.is_undefined()) vm.throw_type_error("Constructor Proxy requires 'new'");
  return proxy_create(vm, ci.arg(0), ci.arg(1));
}

// A revoke function: NativeFunction::data holds the proxy until it runs.
Value proxy_revoke(VM&, CallInfo& ci) {
  auto* fn = static_cast<NativeFunction*>(ci.callee);
  if (fn->data.is_object()) {
    auto* p = static_cast<ProxyObject*>(fn->data.as_object());
    p->target = Value::null();
    p->handler = Value::null();
    fn->data = Value::null();
  }
  return Value::undefined();
}

Value proxy_revocable(VM& vm, CallInfo& ci) {
  Rooted proxy(vm, proxy_create(vm, ci.arg(0), ci.arg(1)));
  Rooted revoke(vm, native_closure(vm, proxy_revoke, 0, proxy.get()));
  Rooted result(vm, Value::object(vm.new_object()));
  vm.create_data_property(result.object(), vm.key("proxy"), proxy.get());
  vm.create_data_property(result.object(), vm.key("revoke"), revoke.get());
  return result.get();
}

}  // namespace

void install_proxy(VM& vm, Object* global) {
  Rooted rg(vm, Value::object(global));
  // Proxy has no `prototype` property (28.2.2).
  NativeFunction* ctor = vm.new_native(proxy_ctor, vm.intern("Proxy"), 2, true);
  Rooted rc(vm, Value::object(ctor));
  vm.define_native(ctor, "revocable", proxy_revocable, 2);
  vm.define_value(rg.object(), "Proxy", rc.get());
}

}  // namespace kite::vm::builtins
