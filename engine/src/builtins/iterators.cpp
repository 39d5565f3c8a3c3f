// %IteratorPrototype% and the built-in iterators: Array, String, Map, Set
// (ECMA-262 27.1.2, 23.1.5, 22.1.5, 24.1.5, 24.2.5). An iterator object
// keeps its target in `internal` and [index, kind] in its elements.
#include "builtins/builtins.h"
#include "objects/ordered_table.h"
#include "objects/typed_array.h"

namespace kite::vm::builtins {

Value create_iter_result(VM& vm, Value value, bool done) {
  Rooted rv(vm, value);
  Object* r = vm.new_object_with_shape(vm.intrinsics().iter_result_shape);
  r->set_slot(0, rv.get());
  r->set_slot(1, Value::boolean(done));
  return Value::object(r);
}

namespace {

Object* new_iterator(VM& vm, ObjectClass klass, Object* proto, Value target, int kind) {
  Rooted rt(vm, target);
  IteratorObject* it = vm.new_iterator_object(klass, proto);
  it->state[0] = Value::int32(0);
  it->state[1] = Value::int32(kind);
  it->set_internal(rt.get());
  return it;
}

Value iter_result(VM& vm, Value value, bool done) {
  return create_iter_result(vm, value, done);
}

Value iterator_self(VM&, CallInfo& ci) {
  return ci.this_value;
}

Value make_next(VM& vm, CallInfo& ci, ObjectClass klass, const char* name) {
  Object* it = this_object_of(vm, ci, klass, name);
  Rooted ri(vm, Value::object(it));
  Value v;
  if (!vm.builtin_iterator_next(it, &v)) return iter_result(vm, Value::undefined(), true);
  return iter_result(vm, v, false);
}

Value array_iterator_next(VM& vm, CallInfo& ci) {
  return make_next(vm, ci, ObjectClass::kArrayIterator, "Array Iterator.prototype.next");
}
Value string_iterator_next(VM& vm, CallInfo& ci) {
  return make_next(vm, ci, ObjectClass::kStringIterator, "String Iterator.prototype.next");
}
Value map_iterator_next(VM& vm, CallInfo& ci) {
  return make_next(vm, ci, ObjectClass::kMapIterator, "Map Iterator.prototype.next");
}
Value set_iterator_next(VM& vm, CallInfo& ci) {
  return make_next(vm, ci, ObjectClass::kSetIterator, "Set Iterator.prototype.next");
}

}  // namespace

Value make_array_iterator(VM& vm, Value target, int kind) {
  return Value::object(new_iterator(vm, ObjectClass::kArrayIterator,
                                    vm.intrinsics().array_iterator_prototype, target, kind));
}

Value make_string_iterator(VM& vm, Value str) {
  return Value::object(new_iterator(vm, ObjectClass::kStringIterator,
                                    vm.intrinsics().string_iterator_prototype, str, 0));
}

Value make_collection_iterator(VM& vm, Value collection, bool is_map, int kind) {
  Object* it = new_iterator(
      vm, is_map ? ObjectClass::kMapIterator : ObjectClass::kSetIterator,
      is_map ? vm.intrinsics().map_iterator_prototype : vm.intrinsics().set_iterator_prototype,
      collection, kind);
  collection.as_object()->extra()->table->add_iterator();
  return Value::object(it);
}

void install_iterators(VM& vm, Object* global) {
  (void)global;
  Intrinsics& in = vm.intrinsics();
  in.iterator_prototype = vm.new_object_with_proto(in.object_prototype);
  vm.define_native(in.iterator_prototype, PropertyKey::symbol(in.symbol_iterator),
                   "[Symbol.iterator]", iterator_self, 0);
  struct Kind {
    Object** proto;
    Object** next;
    NativeFn fn;
    const char* tag;
  };
  Kind kinds[] = {
      {&in.array_iterator_prototype, &in.array_iterator_next, array_iterator_next,
       "Array Iterator"},
      {&in.string_iterator_prototype, &in.string_iterator_next, string_iterator_next,
       "String Iterator"},
      {&in.map_iterator_prototype, &in.map_iterator_next, map_iterator_next, "Map Iterator"},
      {&in.set_iterator_prototype, &in.set_iterator_next, set_iterator_next, "Set Iterator"},
  };
  for (const Kind& k : kinds) {
    *k.proto = vm.new_object_with_proto(in.iterator_prototype);
    *k.next = vm.define_native(*k.proto, "next", k.fn, 0);
    vm.define_own_property(*k.proto, PropertyKey::symbol(in.symbol_to_string_tag),
                           Value::string(vm.intern(k.tag)), attr::kConfigurable);
  }
}

}  // namespace kite::vm::builtins

namespace kite::vm {

bool VM::is_builtin_iterator_next(Object* iter, Value next) {
  if (!next.is_object()) return false;
  Object* n = next.as_object();
  switch (iter->klass()) {
    case ObjectClass::kArrayIterator:
      return n == intrinsics_.array_iterator_next;
    case ObjectClass::kStringIterator:
      return n == intrinsics_.string_iterator_next;
    case ObjectClass::kMapIterator:
      return n == intrinsics_.map_iterator_next;
    case ObjectClass::kSetIterator:
      return n == intrinsics_.set_iterator_next;
    default:
      return false;
  }
}

bool VM::builtin_iterator_next(Object* it, Value* out) {
  Value target = it->internal();
  if (target.is_undefined()) return false;
  auto index = static_cast<std::uint32_t>(static_cast<IteratorObject*>(it)->state[0].as_int32());
  int kind = static_cast<IteratorObject*>(it)->state[1].as_int32();
  Rooted ri(*this, Value::object(it));
  switch (it->klass()) {
    case ObjectClass::kArrayIterator: {
      Object* arr = target.as_object();
      std::uint32_t len;
      if (arr->is_array()) {
        len = arr->array_length();
      } else if (arr->klass() == ObjectClass::kTypedArray) {
        auto* ta = static_cast<TypedArrayObject*>(arr);
        if (ta->is_detached()) {
          throw_type_error(
              "Cannot perform %ArrayIteratorPrototype%.next on a detached ArrayBuffer");
        }
        len = ta->length;
      } else {
        len = to_length_u32(get(arr, PropertyKey::atom(atoms_.length)));
      }
      it = ri.object();
      if (index >= len) {
        it->set_internal(Value::undefined());
        return false;
      }
      static_cast<IteratorObject*>(it)->state[0] =
          Value::int32(static_cast<std::int32_t>(index + 1));
      if (kind == 1) {
        *out = Value::number(index);
        return true;
      }
      Value v = get(it->internal().as_object(), PropertyKey::index(index));
      if (kind == 0) {
        *out = v;
        return true;
      }
      Value pair[2] = {Value::number(index), v};
      *out = Value::object(new_array_from(pair));
      return true;
    }
    case ObjectClass::kStringIterator: {
      String* s = flatten(target.as_string());
      if (index >= s->length()) {
        ri.object()->set_internal(Value::undefined());
        return false;
      }
      char16_t c = s->at(index);
      std::uint32_t n = 1;
      if (c >= 0xD800 && c <= 0xDBFF && index + 1 < s->length()) {
        char16_t d = s->at(index + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) n = 2;
      }
      static_cast<IteratorObject*>(ri.object())->state[0] =
          Value::int32(static_cast<std::int32_t>(index + n));
      *out = Value::string(substring(s, index, index + n));
      return true;
    }
    case ObjectClass::kMapIterator:
    case ObjectClass::kSetIterator: {
      OrderedTable* t = target.as_object()->extra()->table;
      const auto& entries = t->entries();
      while (index < entries.size() && entries[index].deleted) ++index;
      if (index >= entries.size()) {
        t->remove_iterator();
        it->set_internal(Value::undefined());
        return false;
      }
      static_cast<IteratorObject*>(it)->state[0] =
          Value::int32(static_cast<std::int32_t>(index + 1));
      const auto& e = entries[index];
      bool is_map = it->klass() == ObjectClass::kMapIterator;
      if (kind == 1 || (!is_map && kind == 0)) {
        *out = e.key;
      } else if (kind == 0) {
        *out = e.value;
      } else {
        Value pair[2] = {e.key, is_map ? e.value : e.key};
        *out = Value::object(new_array_from(pair));
      }
      return true;
    }
    default:
      return false;
  }
}

void VM::builtin_iterator_close(Object* iter) {
  if ((iter->klass() == ObjectClass::kMapIterator || iter->klass() == ObjectClass::kSetIterator) &&
      iter->internal().is_object()) {
    iter->internal().as_object()->extra()->table->remove_iterator();
  }
  iter->set_internal(Value::undefined());
}

}  // namespace kite::vm
