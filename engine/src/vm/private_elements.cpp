// Private elements (ECMA-262 7.3.26-32): PrivateFieldAdd,
// PrivateMethodOrAccessorAdd, PrivateGet, PrivateSet and `#x in obj`.
//
// A private name is a Symbol with is_private set (a new one each time its
// class is evaluated). An element is an own property keyed by it: fields are
// writable data properties, methods read-only ones, accessors accessor
// properties. Lookups never follow the prototype chain, and own_keys never
// lists these keys, so no reflection API can see or touch them. Elements are
// added even to non-extensible objects, as the spec allows.
#include <string>

#include "objects/accessor_pair.h"
#include "objects/shape.h"
#include "objects/symbol.h"
#include "vm/inline_cache.h"
#include "vm/vm.h"

namespace kite::vm {

namespace {

std::string name_of(Value name) {
  Value d = name.as_symbol()->description;
  return d.is_string() ? d.as_string()->to_utf8() : std::string("#<private>");
}

}  // namespace

Value VM::new_private_name(Value description) {
  Symbol* s = new_symbol(description);
  s->is_private = true;
  return Value::symbol(s);
}

namespace {

// Remembers where a data element of a shaped object lives.
void remember(InlineCache* ic, Object* o, Value name) {
  if (ic == nullptr || o->shape()->is_dictionary()) return;
  std::uint8_t attrs;
  std::int32_t slot = o->shape()->lookup(PropertyKey::symbol(name.as_symbol()), &attrs);
  if (slot < 0) return;
  ICEntry& e = ic->entries[0];
  e.shape = o->shape();
  e.key = name.as_cell();
  e.slot = static_cast<std::uint32_t>(slot);
}

}  // namespace

Value VM::private_get(Value obj, Value name, InlineCache* ic) {
  Property p;
  if (!obj.is_object() ||
      !get_own_property(obj.as_object(), PropertyKey::symbol(name.as_symbol()), &p)) {
    throw_type_error("Cannot read private member " + name_of(name) +
                     " from an object whose class did not declare it");
  }
  if ((p.attrs & attr::kAccessor) == 0) {
    remember(ic, obj.as_object(), name);
    return p.value;
  }
  Value getter = static_cast<AccessorPair*>(p.value.as_cell())->getter;
  if (getter.is_undefined())
    throw_type_error("'" + name_of(name) + "' was defined without a getter");
  return call(getter, obj, {});
}

void VM::private_set(Value obj, Value name, Value value, InlineCache* ic) {
  Property p;
  PropertyKey key = PropertyKey::symbol(name.as_symbol());
  if (!obj.is_object() || !get_own_property(obj.as_object(), key, &p)) {
    throw_type_error("Cannot write private member " + name_of(name) +
                     " to an object whose class did not declare it");
  }
  if ((p.attrs & attr::kAccessor) != 0) {
    Value setter = static_cast<AccessorPair*>(p.value.as_cell())->setter;
    if (setter.is_undefined())
      throw_type_error("'" + name_of(name) + "' was defined without a setter");
    Rooted rv(*this, value);
    call(setter, obj, std::span<const Value>(&rv.ref(), 1));
    return;
  }
  if ((p.attrs & attr::kWritable) == 0) throw_type_error("Private method is not writable");
  Object* o = obj.as_object();
  if (o->shape_->is_dictionary()) {
    o->extra_->dict->find(key)->value = value;
    return;
  }
  std::uint8_t attrs;
  o->slots_[o->shape_->lookup(key, &attrs)] = value;
  remember(ic, o, name);
}

void VM::private_define(Value obj, Value name, Value value, bool method) {
  PropertyKey key = PropertyKey::symbol(name.as_symbol());
  if (!obj.is_object()) throw_type_error("Cannot add a private member to a primitive");
  if (has_own_property(obj.as_object(), key)) {
    throw_type_error("Cannot initialize " + name_of(name) + " twice on the same object");
  }
  add_property(obj.as_object(), key, value, method ? 0 : attr::kWritable);
}

void VM::private_define_accessor(Value obj, Value name, Value getter, Value setter) {
  PropertyKey key = PropertyKey::symbol(name.as_symbol());
  if (has_own_property(obj.as_object(), key)) {
    throw_type_error("Cannot initialize " + name_of(name) + " twice on the same object");
  }
  Rooted ro(*this, obj);
  Value pair = Value::cell(new_accessor(getter, setter));
  add_property(ro.object(), key, pair, attr::kAccessor);
}

bool VM::private_has(Value name, Value obj) {
  if (!obj.is_object()) {
    throw_type_error("Cannot use 'in' operator to search for '" + name_of(name) + "' in " +
                     describe(obj));
  }
  return has_own_property(obj.as_object(), PropertyKey::symbol(name.as_symbol()));
}

}  // namespace kite::vm
