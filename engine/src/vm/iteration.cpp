// Iteration: GetIterator and the iterator protocol (IteratorStep,
// IteratorClose) as the interpreter, spread and the built-ins use them,
// and the key list of a for-in loop.
#include "vm/iteration.h"

#include <functional>
#include <string>
#include <vector>

#include "objects/object.h"
#include "objects/property_map.h"
#include "objects/shape.h"
#include "vm/vm.h"

namespace kite::vm {

// GetIterator (7.4.2), with the array fast path: when the array iterator is
// unmodified, the register holds the ArrayIterator itself and IterNext
// steps it without allocating result objects.
Value get_iterator(VM& vm, Value iterable, const std::string& name) {
  Rooted rv(vm, iterable);
  Value method =
      iterable.is_nullish()
          ? Value::undefined()
          : vm.get_method(iterable, PropertyKey::symbol(vm.intrinsics().symbol_iterator));
  if (method.is_undefined()) {
    std::string what = name.empty() ? vm.describe(rv.get()) : name;
    if (rv.get().is_object() && name.empty()) what = "object";
    vm.throw_type_error(what + " is not iterable");
  }
  return get_iterator_from_method(vm, rv.get(), method);
}

// GetIteratorFromMethod (7.4.3), with the same fast path.
Value get_iterator_from_method(VM& vm, Value obj, Value method) {
  Value iter = vm.call(method, obj, {});
  if (!iter.is_object())
    vm.throw_type_error("Result of the Symbol.iterator method is not an object");
  Rooted ri(vm, iter);
  Object* io = iter.as_object();
  if ((io->klass() == ObjectClass::kArrayIterator || io->klass() == ObjectClass::kStringIterator ||
       io->klass() == ObjectClass::kMapIterator || io->klass() == ObjectClass::kSetIterator) &&
      io->shape()->property_count() == 0) {
    Value next = vm.get(io, PropertyKey::atom(vm.atoms().next));
    if (vm.is_builtin_iterator_next(io, next)) return ri.get();
  }
  Value next = vm.get(ri.object(), PropertyKey::atom(vm.atoms().next));
  Rooted rn(vm, next);
  Object* rec = vm.new_object_of_class(ObjectClass::kIteratorRecord, nullptr, 0);
  Rooted rr(vm, Value::object(rec));
  vm.ensure_elements(rec, 2);
  rec->elements()[0] = ri.get();
  rec->elements()[1] = rn.get();
  vm.set_elements_length(rec, 2);
  return rr.get();
}

// IteratorStep: returns false when done, else stores the value.
bool VM::iterator_step(Value iter, Value* out) {
  Object* io = iter.as_object();
  if (io->klass() != ObjectClass::kIteratorRecord) return builtin_iterator_next(io, out);
  Rooted rr(*this, iter);
  Value next = io->elements()[1];
  Value target = io->elements()[0];
  if (next == Value::object(intrinsics_.generator_next) && target.is_object() &&
      target.as_object()->klass() == ObjectClass::kGenerator) {
    // A generator with the built-in next: resume it without making the
    // result object the loop would only read back.
    Value v;
    ResumeOutcome how = resume_generator(target.as_object(), Value::undefined(), 0, &v);
    if (how == ResumeOutcome::kYielded) {
      *out = v;
      return true;
    }
    if (how == ResumeOutcome::kReturned) return false;
    // yield*'s inner result object: {value, done} as CreateIterResultObject
    // made it, or any object to read as a result.
    Object* ro = v.as_object();
    if (ro->shape() == intrinsics_.iter_result_shape) {
      if (to_boolean(ro->slot(1))) return false;
      *out = ro->slot(0);
      return true;
    }
    Rooted raw(*this, v);
    if (to_boolean(get(raw.object(), PropertyKey::atom(atoms_.done)))) return false;
    *out = get(raw.object(), PropertyKey::atom(atoms_.value));
    return true;
  }
  if (!is_callable(next)) throw_type_error(describe(next) + " is not a function");
  Value result = call(next, io->elements()[0], {});
  if (!result.is_object())
    throw_type_error("Iterator result " + describe(result) + " is not an object");
  Rooted rres(*this, result);
  if (to_boolean(get(result.as_object(), PropertyKey::atom(atoms_.done)))) return false;
  *out = get(rres.object(), PropertyKey::atom(atoms_.value));
  return true;
}

void VM::iterator_close(Value iter) {
  Object* io = iter.as_object();
  if (io->klass() != ObjectClass::kIteratorRecord) {
    builtin_iterator_close(io);
    return;
  }
  Rooted rr(*this, iter);
  Value target = io->elements()[0];
  Value ret = get_method(target, PropertyKey::atom(atoms_.return_));
  if (ret.is_undefined()) return;
  Value result = call(ret, rr.object()->elements()[0], {});
  if (!result.is_object()) throw_type_error("Iterator result is not an object");
}

Value VM::open_iterator(Value iterable) {
  return get_iterator(*this, iterable);
}

void VM::iterate(Value iterable, const std::function<bool(Value)>& fn) {
  Rooted it(*this, get_iterator(*this, iterable));
  Value v;
  while (iterator_step(it.get(), &v)) {
    bool go_on;
    try {
      go_on = fn(v);
    } catch (JSThrow&) {
      Rooted exc(*this, take_pending_exception());
      try {
        iterator_close(it.get());
      } catch (JSThrow&) {
        take_pending_exception();
      }
      throw_value(exc.get());
    }
    if (!go_on) {
      iterator_close(it.get());
      return;
    }
  }
}

// Collects the keys for `for (k in obj)`: enumerable string keys along the
// prototype chain, each once (ECMA-262 14.7.5.9).
Value for_in_prepare(VM& vm, Value v) {
  Object* keys_arr = vm.new_object_of_class(ObjectClass::kForInIterator, nullptr, 0);
  Rooted rk(vm, Value::object(keys_arr));
  keys_arr->set_internal(Value::int32(0));
  if (v.is_nullish()) return rk.get();
  Rooted ro(vm, Value::object(vm.to_object(v)));
  std::vector<PropertyKey> seen;
  std::vector<PropertyKey> keys;
  Rooted cur(vm, ro.get());
  while (cur.get().is_object()) {
    keys.clear();
    vm.own_keys(cur.object(), keys);
    for (PropertyKey k : keys) {
      bool dup = false;
      for (PropertyKey s : seen) {
        if (s == k) {
          dup = true;
          break;
        }
      }
      if (dup) continue;
      seen.push_back(k);
      Property p;
      if (!vm.get_own_property(cur.object(), k, &p) || !(p.attrs & attr::kEnumerable)) continue;
      Value kv = vm.key_to_value(k);
      vm.array_push_internal(rk.object(), kv);
    }
    Object* proto = vm.get_prototype_of(cur.object());
    cur.set(proto != nullptr ? Value::object(proto) : Value::null());
  }
  rk.object()->elements()[0] = rk.object()->elements()[0];
  // Remember the object to re-check deleted keys.
  vm.array_push_internal(rk.object(), ro.get());
  return rk.get();
}

}  // namespace kite::vm
