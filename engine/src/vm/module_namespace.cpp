// Module namespace exotic objects (ECMA-262 10.4.6): the string-keyed
// internal methods. A namespace's exports are its module's ns_names
// (sorted), each read live through the import reference in ns_refs;
// VM::proxy_* send a namespace here (symbol keys stay ordinary).
#include <algorithm>

#include "objects/string.h"
#include "vm/vm.h"

namespace kite::vm {

namespace {

ModuleRecord* module_of(Object* ns) {
  return static_cast<ModuleNamespaceObject*>(ns)->module;
}

// The index of the export named by `key` (a string key), or -1.
int export_index(VM& vm, Object* ns, PropertyKey key) {
  if (key.is_symbol()) return -1;
  ModuleRecord* m = module_of(ns);
  String* name;
  if (key.is_atom()) {
    name = key.as_atom();
  } else {
    name = vm.atomize(vm.key_to_value(key).as_string());
  }
  auto it = std::lower_bound(m->ns_names.begin(), m->ns_names.end(), name,
                             [&](String* a, String* b) { return a->compare(b) < 0; });
  if (it == m->ns_names.end() || *it != name) return -1;
  return static_cast<int>(it - m->ns_names.begin());
}

}  // namespace

// 10.4.6.8 [[Get]]: the binding's current value; in its TDZ a ReferenceError.
Value VM::namespace_get(Object* ns, PropertyKey key) {
  if (key.is_symbol()) {
    Property p;
    return get_own_property(ns, key, &p) ? p.value : Value::undefined();
  }
  int i = export_index(*this, ns, key);
  if (i < 0) return Value::undefined();
  ModuleRecord* m = module_of(ns);
  auto* ref = static_cast<Environment*>(m->ns_refs[static_cast<std::size_t>(i)].as_cell());
  Value v = ref->parent->slots[ref->slots[0].as_int32()];
  if (v.is_hole()) {
    throw_error(ErrorType::kReferenceError,
                "Cannot access '" + m->ns_names[static_cast<std::size_t>(i)]->to_utf8() +
                    "' before initialization");
  }
  return v;
}

// 10.4.6.5 [[GetOwnProperty]]
bool VM::namespace_get_own_property(Object* ns, PropertyKey key, Property* out) {
  if (export_index(*this, ns, key) < 0) return false;
  Value v = namespace_get(ns, key);
  *out = Property{v, attr::kWritable | attr::kEnumerable};
  return true;
}

// 10.4.6.6 [[DefineOwnProperty]]: only what would change nothing.
bool VM::namespace_define_own_property(Object* ns, PropertyKey key, Value value, std::uint8_t attrs,
                                       bool is_accessor, std::uint8_t present) {
  Property current;
  if (!namespace_get_own_property(ns, key, &current)) return false;
  auto has = [&](std::uint8_t bit) { return present == 0xFF || (present & bit) != 0; };
  if (has(8) && (attrs & attr::kConfigurable) != 0) return false;
  if (has(4) && (attrs & attr::kEnumerable) == 0) return false;
  if (is_accessor) return false;
  if (has(2) && (attrs & attr::kWritable) == 0) return false;
  if (has(1)) return same_value(value, current.value);
  return true;
}

// 10.4.6.7 [[HasProperty]]
bool VM::namespace_has(Object* ns, PropertyKey key) {
  if (key.is_symbol()) return has_own_property(ns, key);
  return export_index(*this, ns, key) >= 0;
}

// 10.4.6.10 [[Delete]]
bool VM::namespace_delete(Object* ns, PropertyKey key) {
  if (key.is_symbol()) return delete_property(ns, key);
  return export_index(*this, ns, key) < 0;
}

// 10.4.6.11 [[OwnPropertyKeys]]: the exports in order, then the symbols.
void VM::namespace_own_keys(Object* ns, std::vector<PropertyKey>& out) {
  ModuleRecord* m = module_of(ns);
  for (String* name : m->ns_names) out.push_back(to_property_key(Value::string(name)));
  out.push_back(PropertyKey::symbol(intrinsics_.symbol_to_string_tag));
}

}  // namespace kite::vm
