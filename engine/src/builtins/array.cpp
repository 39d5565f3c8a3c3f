// Array constructor and Array.prototype (ECMA-262 23.1). Methods are
// generic over array-likes as the spec requires; dense arrays take fast
// paths that read elements directly.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "builtins/builtins.h"
#include "util/numbers.h"

namespace kite::vm::builtins {

namespace {

// A dense array whose elements can be read directly (no sparse part).
bool is_dense(Object* o) {
  return o->is_array() && !o->has_sparse();
}

// The largest length an array-like may have: 2^53 - 1 (ToLength, 7.1.20).
constexpr double kMaxSafeLength = 9007199254740991.0;

// LengthOfArrayLike (7.3.18). An index of an array-like is below 2^53, so
// a std::uint64_t holds it exactly; an Array's is below 2^32 - 1.
std::uint64_t length_of(VM& vm, Object* o) {
  if (o->is_array()) return o->array_length();
  double d = vm.to_integer_or_infinity(vm.get(o, PropertyKey::atom(vm.atoms().length)));
  if (d <= 0) return 0;
  return static_cast<std::uint64_t>(std::min(d, kMaxSafeLength));
}

// The property key of index `i`: an array index below 2^32 - 1, else the
// number's string.
PropertyKey key_at(VM& vm, std::uint64_t i) {
  if (i < 4294967295u) return PropertyKey::index(static_cast<std::uint32_t>(i));
  return vm.to_property_key(Value::number(static_cast<double>(i)));
}

// TypeError when an operation would make an array-like longer than 2^53 - 1.
void check_new_length(VM& vm, double len) {
  if (len > kMaxSafeLength) {
    vm.throw_type_error("Invalid array length: the total surpasses 2**53-1");
  }
}

void set_length(VM& vm, Object* o, double len) {
  if (o->is_array()) {
    if (len > 4294967295.0) vm.throw_range_error("Invalid array length");
    vm.set(o, PropertyKey::atom(vm.atoms().length), Value::number(len));
    return;
  }
  vm.set(o, PropertyKey::atom(vm.atoms().length), Value::number(len));
}

Value get_at(VM& vm, Object* o, std::uint64_t i) {
  if (i < o->element_count()) {
    Value v = o->elements()[i];
    if (!v.is_hole()) return v;
  }
  return vm.get(o, key_at(vm, i));
}

bool has_at(VM& vm, Object* o, std::uint64_t i) {
  if (i < o->element_count() && !o->elements()[i].is_hole()) return true;
  return vm.has_property(o, key_at(vm, i));
}

Value callback_arg(VM& vm, CallInfo& ci, const char* method) {
  Value fn = ci.arg(0);
  if (!vm.is_callable(fn)) {
    vm.throw_type_error(vm.describe(fn) + " is not a function");
  }
  (void)method;
  return fn;
}

// Relative index helper: ToIntegerOrInfinity then clamp to [0, len].
std::uint64_t relative(VM& vm, Value v, std::uint64_t len, std::uint64_t dflt) {
  if (v.is_undefined()) return dflt;
  double d = vm.to_integer_or_infinity(v);
  double n = static_cast<double>(len);
  if (d < 0) d = std::max(0.0, n + d);
  return static_cast<std::uint64_t>(std::min(d, n));
}

Value array_ctor(VM& vm, CallInfo& ci) {
  Object* proto = vm.intrinsics().array_prototype;
  Rooted rp(vm, Value::object(proto));
  if (!ci.new_target.is_undefined() && ci.new_target.as_object() != ci.callee) {
    Value p = vm.get(ci.new_target.as_object(), PropertyKey::atom(vm.atoms().prototype));
    if (p.is_object()) rp.set(p);
  }
  Object* a;
  if (ci.argc == 1 && ci.args[0].is_number()) {
    double d = ci.args[0].as_number();
    auto len = static_cast<std::uint32_t>(d);
    if (d < 0 || static_cast<double>(len) != d) vm.throw_range_error("Invalid array length");
    a = vm.new_array();
    Rooted ra(vm, Value::object(a));
    vm.set_array_length(a, len);
    a = ra.object();
  } else {
    a = vm.new_array_from(std::span<const Value>(ci.args, ci.argc));
  }
  if (rp.object() != vm.intrinsics().array_prototype) {
    Rooted ra(vm, Value::object(a));
    vm.set_prototype(a, rp.object());
    a = ra.object();
  }
  return Value::object(a);
}

Value array_is_array(VM& vm, CallInfo& ci) {
  return Value::boolean(vm.is_array(ci.arg(0)));
}

// The result of Array.from / Array.of: an Array, or `this` constructed
// (with `length` when given) when it is another constructor (a subclass).
Value construct_this_or_array(VM& vm, CallInfo& ci, const Value* length) {
  Value c = ci.this_value;
  if (c == Value::object(vm.intrinsics().array_constructor) || !vm.is_constructor(c)) {
    return Value::undefined();
  }
  Rooted rc(vm, c);
  return vm.construct(rc.get(), std::span<const Value>(length, length != nullptr ? 1 : 0),
                      rc.get());
}

Value array_of(VM& vm, CallInfo& ci) {
  Value len = Value::number(ci.argc);
  Rooted a(vm, construct_this_or_array(vm, ci, &len));
  if (a.get().is_undefined()) {
    return Value::object(vm.new_array_from(std::span<const Value>(ci.args, ci.argc)));
  }
  for (std::uint32_t k = 0; k < ci.argc; ++k) {
    vm.create_data_property(a.object(), PropertyKey::index(k), ci.args[k]);
  }
  vm.set(a.object(), PropertyKey::atom(vm.atoms().length), Value::number(ci.argc));
  return a.get();
}

Value array_from(VM& vm, CallInfo& ci) {
  Value items = ci.arg(0);
  Rooted map_fn(vm, ci.arg(1));
  Rooted this_arg(vm, ci.arg(2));
  if (!map_fn.get().is_undefined() && !vm.is_callable(map_fn.get())) {
    vm.throw_type_error(vm.describe(map_fn.get()) + " is not a function");
  }
  Rooted ritems(vm, items);
  if (items.is_nullish()) vm.throw_type_error(vm.describe(items) + " is not iterable");
  Value iter_fn = vm.get_method(items, PropertyKey::symbol(vm.intrinsics().symbol_iterator));
  std::uint32_t k = 0;
  // A subclass constructor (this) makes the result; else an Array.
  Rooted out(vm, Value::undefined());
  bool plain = true;
  auto put = [&](std::uint32_t i, Value v) {
    if (plain) {
      vm.array_push(out.object(), v);
    } else {
      vm.create_data_property(out.object(), PropertyKey::index(i), v);
    }
  };
  if (!iter_fn.is_undefined()) {
    out.set(construct_this_or_array(vm, ci, nullptr));
    plain = out.get().is_undefined();
    if (plain) out.set(Value::object(vm.new_array()));
    vm.iterate(ritems.get(), [&](Value v) {
      Rooted rv(vm, v);
      Value mapped = v;
      if (!map_fn.get().is_undefined()) {
        Value args[2] = {v, Value::number(k)};
        mapped = vm.call(map_fn.get(), this_arg.get(), args);
      }
      put(k, mapped);
      ++k;
      return true;
    });
    if (!plain) vm.set(out.object(), PropertyKey::atom(vm.atoms().length), Value::number(k));
    return out.get();
  }
  Rooted src(vm, Value::object(vm.to_object(ritems.get())));
  std::uint32_t len = length_of(vm, src.object());
  Value lv = Value::number(len);
  out.set(construct_this_or_array(vm, ci, &lv));
  plain = out.get().is_undefined();
  if (plain) out.set(Value::object(vm.new_array()));
  for (std::uint32_t i = 0; i < len; ++i) {
    Value v = vm.get(src.object(), PropertyKey::index(i));
    if (!map_fn.get().is_undefined()) {
      Value args[2] = {v, Value::number(i)};
      v = vm.call(map_fn.get(), this_arg.get(), args);
    }
    put(i, v);
  }
  if (!plain) vm.set(out.object(), PropertyKey::atom(vm.atoms().length), Value::number(len));
  return out.get();
}

Value array_push(VM& vm, CallInfo& ci) {
  Object* o = vm.to_object(ci.this_value);
  if (is_dense(o) && o->is_extensible() && !(o->flags() & Object::kLengthReadOnly)) {
    for (std::uint64_t i = 0; i < ci.argc; ++i) vm.array_push(o, ci.args[i]);
    return Value::number(o->array_length());
  }
  Rooted ro(vm, Value::object(o));
  auto len = static_cast<double>(length_of(vm, o));
  check_new_length(vm, len + ci.argc);
  for (std::uint64_t i = 0; i < ci.argc; ++i) {
    vm.set(ro.object(), vm.to_property_key(Value::number(len)), ci.args[i]);
    len += 1;
  }
  set_length(vm, ro.object(), len);
  return Value::number(len);
}

Value array_pop(VM& vm, CallInfo& ci) {
  Object* o = vm.to_object(ci.this_value);
  Rooted ro(vm, Value::object(o));
  std::uint64_t len = length_of(vm, o);
  if (len == 0) {
    set_length(vm, ro.object(), 0);
    return Value::undefined();
  }
  if (is_dense(o) && !(o->flags() & (Object::kElementsSealed | Object::kLengthReadOnly))) {
    Value v = o->elements()[len - 1];
    if (v.is_hole()) v = vm.get(o, key_at(vm, len - 1));
    vm.set_array_length(ro.object(), len - 1);
    return v;
  }
  Rooted v(vm, vm.get(o, key_at(vm, len - 1)));
  if (!vm.delete_property(ro.object(), key_at(vm, len - 1))) {
    vm.throw_type_error("Cannot delete property '" + std::to_string(len - 1) + "' of " +
                        vm.describe(ro.get()));
  }
  set_length(vm, ro.object(), len - 1);
  return v.get();
}

Value array_shift(VM& vm, CallInfo& ci) {
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  Object* o = ro.object();
  std::uint64_t len = length_of(vm, o);
  if (len == 0) {
    set_length(vm, o, 0);
    return Value::undefined();
  }
  if (is_dense(o) && !(o->flags() & (Object::kElementsSealed | Object::kLengthReadOnly))) {
    bool holes = false;
    for (std::uint64_t i = 0; i < len; ++i) holes |= o->elements()[i].is_hole();
    if (!holes) {
      Value first = o->elements()[0];
      std::copy(o->elements() + 1, o->elements() + len, o->elements());
      vm.set_array_length(o, len - 1);
      return first;
    }
  }
  Rooted first(vm, vm.get(o, key_at(vm, 0)));
  for (std::uint64_t k = 1; k < len; ++k) {
    if (has_at(vm, ro.object(), k)) {
      Value v = vm.get(ro.object(), key_at(vm, k));
      vm.set(ro.object(), key_at(vm, k - 1), v);
    } else {
      vm.delete_property(ro.object(), key_at(vm, k - 1));
    }
  }
  vm.delete_property(ro.object(), key_at(vm, len - 1));
  set_length(vm, ro.object(), len - 1);
  return first.get();
}

Value array_unshift(VM& vm, CallInfo& ci) {
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  std::uint64_t len = length_of(vm, ro.object());
  std::uint64_t n = ci.argc;
  if (n > 0) {
    check_new_length(vm, static_cast<double>(len + n));
    Object* o = ro.object();
    if (is_dense(o) && o->is_extensible() &&
        !(o->flags() & (Object::kElementsSealed | Object::kLengthReadOnly))) {
      vm.ensure_elements(o, len + n);
      o = ro.object();
      std::copy_backward(o->elements(), o->elements() + len, o->elements() + len + n);
      for (std::uint64_t i = 0; i < n; ++i) o->elements()[i] = ci.args[i];
      vm.set_elements_length(o, len + n);
      return Value::number(static_cast<double>(len + n));
    }
    for (std::uint64_t k = len; k > 0; --k) {
      if (has_at(vm, ro.object(), k - 1)) {
        Value v = vm.get(ro.object(), key_at(vm, k - 1));
        vm.set(ro.object(), key_at(vm, k - 1 + n), v);
      } else {
        vm.delete_property(ro.object(), key_at(vm, k - 1 + n));
      }
    }
    for (std::uint64_t i = 0; i < n; ++i) vm.set(ro.object(), key_at(vm, i), ci.args[i]);
  }
  set_length(vm, ro.object(), static_cast<double>(len) + n);
  return Value::number(static_cast<double>(len) + n);
}

// ArraySpeciesCreate (10.4.2.3): a new Array of `length`, unless `original`
// is an array whose constructor's @@species names another constructor (then
// that is constructed and *plain is false: the caller writes through
// CreateDataPropertyOrThrow instead of its fast paths).
Value array_species_create(VM& vm, Object* original, std::uint64_t length, bool* plain) {
  *plain = true;
  if (original->is_array() || (original->is_proxy() && vm.is_array(Value::object(original)))) {
    Value c = vm.get(original, PropertyKey::atom(vm.atoms().constructor));
    if (c.is_object()) {
      c = vm.get(c.as_object(), PropertyKey::symbol(vm.intrinsics().symbol_species));
      if (c.is_null()) c = Value::undefined();
    }
    if (!c.is_undefined() && c != Value::object(vm.intrinsics().array_constructor)) {
      if (!vm.is_constructor(c)) {
        vm.throw_type_error("object.constructor[Symbol.species] is not a constructor");
      }
      *plain = false;
      Rooted rc(vm, c);
      Value len = Value::number(static_cast<double>(length));
      return vm.construct(rc.get(), std::span<const Value>(&len, 1), rc.get());
    }
  }
  if (length > 4294967295u) vm.throw_range_error("Invalid array length");  // ArrayCreate
  return Value::object(vm.new_array(static_cast<std::uint32_t>(length)));
}

Value array_slice(VM& vm, CallInfo& ci) {
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  std::uint64_t len = length_of(vm, ro.object());
  std::uint64_t start = relative(vm, ci.arg(0), len, 0);
  std::uint64_t end = relative(vm, ci.arg(1), len, len);
  std::uint64_t count = end > start ? end - start : 0;
  bool plain;
  Rooted rout(vm, array_species_create(vm, ro.object(), count, &plain));
  if (!plain) {
    for (std::uint64_t k = start, n = 0; k < end; ++k, ++n) {
      if (has_at(vm, ro.object(), k)) {
        Value v = vm.get(ro.object(), key_at(vm, k));
        vm.create_data_property(rout.object(), key_at(vm, n), v);
      }
    }
    vm.set(rout.object(), PropertyKey::atom(vm.atoms().length),
           Value::number(static_cast<double>(count)));
    return rout.get();
  }
  Object* out = rout.object();
  Object* o = ro.object();
  if (is_dense(o)) {
    for (std::uint64_t i = 0; i < count; ++i) out->elements()[i] = o->elements()[start + i];
    vm.set_elements_length(out, count);
    bool holes = false;
    for (std::uint64_t i = 0; i < count; ++i) holes |= out->elements()[i].is_hole();
    if (!holes) return rout.get();
    vm.set_elements_length(out, 0);
  }
  for (std::uint64_t k = start, n = 0; k < end; ++k, ++n) {
    if (has_at(vm, ro.object(), k)) {
      Value v = vm.get(ro.object(), key_at(vm, k));
      vm.create_data_property(rout.object(), key_at(vm, n), v);
    }
  }
  vm.set_array_length(rout.object(), count);
  return rout.get();
}

Value array_splice(VM& vm, CallInfo& ci) {
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  std::uint64_t len = length_of(vm, ro.object());
  std::uint64_t start = relative(vm, ci.arg(0), len, 0);
  std::uint64_t del;
  if (ci.argc == 0) {
    del = 0;
  } else if (ci.argc == 1) {
    del = len - start;
  } else {
    double d = vm.to_integer_or_infinity(ci.arg(1));
    del = static_cast<std::uint64_t>(std::clamp<double>(d, 0, len - start));
  }
  std::uint64_t items = ci.argc > 2 ? ci.argc - 2 : 0;
  check_new_length(vm, static_cast<double>(len + items - del));
  bool plain;
  Rooted removed(vm, array_species_create(vm, ro.object(), del, &plain));
  for (std::uint64_t k = 0; k < del; ++k) {
    if (has_at(vm, ro.object(), start + k)) {
      Value v = vm.get(ro.object(), key_at(vm, start + k));
      vm.create_data_property(removed.object(), key_at(vm, k), v);
    }
  }
  if (plain) {
    vm.set_array_length(removed.object(), del);
  } else {
    vm.set(removed.object(), PropertyKey::atom(vm.atoms().length),
           Value::number(static_cast<double>(del)));
  }
  if (items < del) {
    for (std::uint64_t k = start; k < len - del; ++k) {
      if (has_at(vm, ro.object(), k + del)) {
        Value v = vm.get(ro.object(), key_at(vm, k + del));
        vm.set(ro.object(), key_at(vm, k + items), v);
      } else {
        vm.delete_property(ro.object(), key_at(vm, k + items));
      }
    }
    for (std::uint64_t k = len; k > len - del + items; --k) {
      vm.delete_property(ro.object(), key_at(vm, k - 1));
    }
  } else if (items > del) {
    for (std::uint64_t k = len - del; k > start; --k) {
      if (has_at(vm, ro.object(), k + del - 1)) {
        Value v = vm.get(ro.object(), key_at(vm, k + del - 1));
        vm.set(ro.object(), key_at(vm, k + items - 1), v);
      } else {
        vm.delete_property(ro.object(), key_at(vm, k + items - 1));
      }
    }
  }
  for (std::uint64_t i = 0; i < items; ++i) {
    vm.set(ro.object(), key_at(vm, start + i), ci.args[i + 2]);
  }
  set_length(vm, ro.object(), static_cast<double>(len) - del + items);
  return removed.get();
}

// IsConcatSpreadable (ECMA-262 23.1.3.2.1): @@isConcatSpreadable when it is
// defined, otherwise IsArray.
bool is_concat_spreadable(VM& vm, Value v) {
  if (!v.is_object()) return false;
  Value spreadable =
      vm.get(v.as_object(), PropertyKey::symbol(vm.intrinsics().symbol_is_concat_spreadable));
  if (!spreadable.is_undefined()) return VM::to_boolean(spreadable);
  return vm.is_array(v);
}

Value array_concat(VM& vm, CallInfo& ci) {
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  bool plain;
  Rooted out(vm, array_species_create(vm, ro.object(), 0, &plain));
  std::uint64_t n = 0;
  auto append = [&](Value item) {
    if (is_concat_spreadable(vm, item)) {
      Rooted ri(vm, item);
      std::uint64_t len = length_of(vm, item.as_object());
      check_new_length(vm, static_cast<double>(n + len));
      for (std::uint64_t k = 0; k < len; ++k, ++n) {
        if (has_at(vm, ri.object(), k)) {
          Value v = get_at(vm, ri.object(), k);
          vm.create_data_property(out.object(), key_at(vm, n), v);
        }
      }
      if (plain && n <= 4294967295u) {
        vm.set_array_length(out.object(), static_cast<std::uint32_t>(n));
      }
    } else {
      check_new_length(vm, static_cast<double>(n + 1));
      vm.create_data_property(out.object(), key_at(vm, n++), item);
    }
  };
  append(ro.get());
  for (std::uint64_t i = 0; i < ci.argc; ++i) append(ci.args[i]);
  vm.set(out.object(), PropertyKey::atom(vm.atoms().length), Value::number(static_cast<double>(n)));
  return out.get();
}

Value array_join(VM& vm, CallInfo& ci) {
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  std::uint64_t len = length_of(vm, ro.object());
  Rooted sep(vm, ci.arg(0).is_undefined() ? Value::string(vm.intern(","))
                                          : Value::string(vm.to_string(ci.arg(0))));
  if (vm.join_stack_contains(ro.object())) return Value::string(vm.atoms().empty);
  vm.join_stack_push(ro.object());
  struct Pop {
    VM& vm;
    ~Pop() { vm.join_stack_pop(); }
  } pop{vm};
  std::u16string out;
  std::u16string sep_u = sep.get().as_string()->length() == 0
                             ? std::u16string()
                             : vm.flatten(sep.get().as_string())->to_u16();
  bool one_byte = true;
  std::string out8;
  for (std::uint64_t k = 0; k < len; ++k) {
    if (k > 0) {
      if (one_byte) {
        for (char16_t c : sep_u) {
          if (c > 0xFF) one_byte = false;
        }
        if (one_byte) {
          for (char16_t c : sep_u) out8 += static_cast<char>(c);
        } else {
          for (unsigned char c : out8) out.push_back(c);
          out8.clear();
          out += sep_u;
        }
      } else {
        out += sep_u;
      }
    }
    Value v = get_at(vm, ro.object(), k);
    if (v.is_nullish()) continue;
    String* s = vm.flatten(vm.to_string(v));
    if (one_byte && s->is_one_byte()) {
      out8.append(reinterpret_cast<const char*>(s->chars8()), s->length());
    } else {
      if (one_byte) {
        for (unsigned char c : out8) out.push_back(c);
        out8.clear();
        one_byte = false;
      }
      for (std::uint64_t i = 0; i < s->length(); ++i) out.push_back(s->at(i));
    }
  }
  if (one_byte) {
    return Value::string(
        vm.new_string_latin1(reinterpret_cast<const std::uint8_t*>(out8.data()), out8.size()));
  }
  return Value::string(vm.new_string_utf16(out));
}

Value array_to_string(VM& vm, CallInfo& ci) {
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  Value join = vm.get(ro.object(), PropertyKey::atom(vm.atoms().join));
  if (vm.is_callable(join)) return vm.call(join, ro.get(), {});
  CallInfo inner{ro.get(), nullptr, 0, Value::undefined(), ci.callee};
  return array_join(vm, inner);
}

Value array_reverse(VM& vm, CallInfo& ci) {
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  std::uint64_t len = length_of(vm, ro.object());
  Object* o = ro.object();
  if (is_dense(o) && !(o->flags() & Object::kElementsFrozen)) {
    bool holes = false;
    for (std::uint64_t i = 0; i < len; ++i) holes |= o->elements()[i].is_hole();
    if (!holes) {
      std::reverse(o->elements(), o->elements() + len);
      return ro.get();
    }
  }
  for (std::uint64_t lower = 0; lower < len / 2; ++lower) {
    std::uint64_t upper = len - 1 - lower;
    // 23.1.3.26 steps 7.c-7.h: each HasProperty right before its Get.
    bool has_lower = has_at(vm, ro.object(), lower);
    Rooted lv(vm, has_lower ? vm.get(ro.object(), key_at(vm, lower)) : Value::undefined());
    bool has_upper = has_at(vm, ro.object(), upper);
    Rooted uv(vm, has_upper ? vm.get(ro.object(), key_at(vm, upper)) : Value::undefined());
    if (has_upper) {
      vm.set(ro.object(), key_at(vm, lower), uv.get());
    } else {
      vm.delete_property(ro.object(), key_at(vm, lower));
    }
    if (has_lower) {
      vm.set(ro.object(), key_at(vm, upper), lv.get());
    } else {
      vm.delete_property(ro.object(), key_at(vm, upper));
    }
  }
  return ro.get();
}

// indexOf / lastIndexOf / includes
Value search(VM& vm, CallInfo& ci, int mode) {
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  std::uint64_t len = length_of(vm, ro.object());
  if (len == 0) return mode == 2 ? Value::boolean(false) : Value::int32(-1);
  Value target = ci.arg(0);
  if (mode == 1) {
    double from = ci.argc > 1 ? vm.to_integer_or_infinity(ci.arg(1)) : len - 1.0;
    if (from < 0) from += len;
    if (from < 0) return Value::int32(-1);
    auto k = static_cast<std::int64_t>(std::min<double>(from, len - 1.0));
    for (; k >= 0; --k) {
      auto i = static_cast<std::uint64_t>(k);
      if (has_at(vm, ro.object(), i) && vm.strict_equals(get_at(vm, ro.object(), i), target)) {
        return Value::number(static_cast<double>(k));
      }
    }
    return Value::int32(-1);
  }
  double from = vm.to_integer_or_infinity(ci.arg(1));
  if (from < 0) from = std::max(0.0, from + len);
  for (auto k = static_cast<std::uint64_t>(std::min<double>(from, len)); k < len; ++k) {
    Object* o = ro.object();
    if (mode == 2) {
      if (vm.same_value_zero(get_at(vm, o, k), target)) return Value::boolean(true);
    } else if (has_at(vm, o, k) && vm.strict_equals(get_at(vm, o, k), target)) {
      return Value::number(static_cast<double>(k));
    }
  }
  return mode == 2 ? Value::boolean(false) : Value::int32(-1);
}

Value array_index_of(VM& vm, CallInfo& ci) {
  return search(vm, ci, 0);
}
Value array_last_index_of(VM& vm, CallInfo& ci) {
  return search(vm, ci, 1);
}
Value array_includes(VM& vm, CallInfo& ci) {
  return search(vm, ci, 2);
}

// find / findIndex / findLast / findLastIndex
Value find(VM& vm, CallInfo& ci, bool last, bool index) {
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  std::uint64_t len = length_of(vm, ro.object());
  Rooted fn(vm, callback_arg(vm, ci, "find"));
  Rooted this_arg(vm, ci.arg(1));
  for (std::uint64_t n = 0; n < len; ++n) {
    std::uint64_t k = last ? len - 1 - n : n;
    Rooted v(vm, get_at(vm, ro.object(), k));
    Value args[3] = {v.get(), Value::number(static_cast<double>(k)), ro.get()};
    if (VM::to_boolean(vm.call(fn.get(), this_arg.get(), args))) {
      return index ? Value::number(static_cast<double>(k)) : v.get();
    }
  }
  return index ? Value::int32(-1) : Value::undefined();
}

Value array_find(VM& vm, CallInfo& ci) {
  return find(vm, ci, false, false);
}
Value array_find_index(VM& vm, CallInfo& ci) {
  return find(vm, ci, false, true);
}
Value array_find_last(VM& vm, CallInfo& ci) {
  return find(vm, ci, true, false);
}
Value array_find_last_index(VM& vm, CallInfo& ci) {
  return find(vm, ci, true, true);
}

// forEach(0) map(1) filter(2) some(3) every(4)
Value iterate_callback(VM& vm, CallInfo& ci, int mode) {
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  std::uint64_t len = length_of(vm, ro.object());
  Rooted fn(vm, callback_arg(vm, ci, "callback"));
  Rooted this_arg(vm, ci.arg(1));
  Rooted out(vm, Value::undefined());
  bool plain = true;
  std::uint64_t to = 0;  // filter: the next index of the result
  if (mode == 1) {
    out.set(array_species_create(vm, ro.object(), len, &plain));
    if (plain) vm.set_array_length(out.object(), len);
  } else if (mode == 2) {
    out.set(array_species_create(vm, ro.object(), 0, &plain));
  }
  for (std::uint64_t k = 0; k < len; ++k) {
    if (!has_at(vm, ro.object(), k)) continue;
    Rooted v(vm, get_at(vm, ro.object(), k));
    Value args[3] = {v.get(), Value::number(static_cast<double>(k)), ro.get()};
    Value r = vm.call(fn.get(), this_arg.get(), args);
    switch (mode) {
      case 1: {
        Object* a = out.object();
        if (plain && k < a->element_count()) {
          a->elements()[k] = r;
        } else {
          vm.create_data_property(a, key_at(vm, k), r);
        }
        break;
      }
      case 2:
        if (VM::to_boolean(r)) {
          if (plain) {
            vm.array_push(out.object(), v.get());
          } else {
            vm.create_data_property(out.object(), key_at(vm, to), v.get());
          }
          ++to;
        }
        break;
      case 3:
        if (VM::to_boolean(r)) return Value::boolean(true);
        break;
      case 4:
        if (!VM::to_boolean(r)) return Value::boolean(false);
        break;
      default:
        break;
    }
  }
  if (mode == 3) return Value::boolean(false);
  if (mode == 4) return Value::boolean(true);
  return out.get();
}

Value array_for_each(VM& vm, CallInfo& ci) {
  return iterate_callback(vm, ci, 0);
}
Value array_map(VM& vm, CallInfo& ci) {
  return iterate_callback(vm, ci, 1);
}
Value array_filter(VM& vm, CallInfo& ci) {
  return iterate_callback(vm, ci, 2);
}
Value array_some(VM& vm, CallInfo& ci) {
  return iterate_callback(vm, ci, 3);
}
Value array_every(VM& vm, CallInfo& ci) {
  return iterate_callback(vm, ci, 4);
}

Value reduce(VM& vm, CallInfo& ci, bool right) {
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  std::uint64_t len = length_of(vm, ro.object());
  Rooted fn(vm, callback_arg(vm, ci, "reduce"));
  std::int64_t k = right ? static_cast<std::int64_t>(len) - 1 : 0;
  auto end = static_cast<std::int64_t>(len);
  std::int64_t step = right ? -1 : 1;
  Rooted acc(vm, Value::undefined());
  if (ci.argc >= 2) {
    acc.set(ci.args[1]);
  } else {
    bool found = false;
    for (; k >= 0 && k < end; k += step) {
      if (has_at(vm, ro.object(), static_cast<std::uint64_t>(k))) {
        acc.set(get_at(vm, ro.object(), static_cast<std::uint64_t>(k)));
        found = true;
        k += step;
        break;
      }
    }
    if (!found) vm.throw_type_error("Reduce of empty array with no initial value");
  }
  for (; k >= 0 && k < end; k += step) {
    auto i = static_cast<std::uint64_t>(k);
    if (!has_at(vm, ro.object(), i)) continue;
    Value v = get_at(vm, ro.object(), i);
    Value args[4] = {acc.get(), v, Value::number(static_cast<double>(i)), ro.get()};
    acc.set(vm.call(fn.get(), Value::undefined(), args));
  }
  return acc.get();
}

Value array_reduce(VM& vm, CallInfo& ci) {
  return reduce(vm, ci, false);
}
Value array_reduce_right(VM& vm, CallInfo& ci) {
  return reduce(vm, ci, true);
}

// Stable merge sort (ECMA-262 23.1.3.30 SortIndexedProperties).
Value array_sort(VM& vm, CallInfo& ci) {
  Value cmp = comparefn_arg(vm, ci);
  Rooted rcmp(vm, cmp);
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  std::uint32_t len = length_of(vm, ro.object());
  // Collect into a rooted array so the values stay alive across callbacks.
  Rooted items(vm, Value::object(vm.new_array()));
  std::uint32_t holes = 0, undefs = 0;
  for (std::uint32_t k = 0; k < len; ++k) {
    if (!has_at(vm, ro.object(), k)) {
      ++holes;
      continue;
    }
    Value v = get_at(vm, ro.object(), k);
    if (v.is_undefined()) {
      ++undefs;
      continue;
    }
    vm.array_push(items.object(), v);
  }
  std::uint32_t n = items.object()->element_count();
  // Keys for the default comparator: the strings, rooted in a parallel array.
  Rooted keys(vm, Value::undefined());
  if (rcmp.get().is_undefined()) {
    keys.set(Value::object(vm.new_array(n)));
    for (std::uint32_t i = 0; i < n; ++i) {
      Value s = Value::string(vm.flatten(vm.to_string(items.object()->elements()[i])));
      vm.array_push(keys.object(), s);
    }
  }
  std::vector<std::uint32_t> order(n), tmp(n);
  for (std::uint32_t i = 0; i < n; ++i) order[i] = i;
  auto less = [&](std::uint32_t a, std::uint32_t b) -> bool {
    if (rcmp.get().is_undefined()) {
      String* sa = keys.object()->elements()[a].as_string();
      String* sb = keys.object()->elements()[b].as_string();
      return sa->compare(sb) < 0;
    }
    Value args[2] = {items.object()->elements()[a], items.object()->elements()[b]};
    Value r = vm.call(rcmp.get(), Value::undefined(), args);
    double d = vm.to_number(r);
    return d < 0;
  };
  // Bottom-up merge sort: stable, O(n log n) comparator calls.
  for (std::uint32_t width = 1; width < n; width *= 2) {
    for (std::uint32_t lo = 0; lo < n; lo += 2 * width) {
      std::uint32_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
      std::uint32_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        if (less(order[j], order[i])) {
          tmp[k++] = order[j++];
        } else {
          tmp[k++] = order[i++];
        }
      }
      while (i < mid) tmp[k++] = order[i++];
      while (j < hi) tmp[k++] = order[j++];
    }
    order.swap(tmp);
  }
  std::uint32_t k = 0;
  for (; k < n; ++k) {
    Value v = items.object()->elements()[order[k]];
    vm.set(ro.object(), PropertyKey::index(k), v);
  }
  for (std::uint32_t u = 0; u < undefs; ++u, ++k)
    vm.set(ro.object(), PropertyKey::index(k), Value::undefined());
  for (; k < len; ++k) vm.delete_property(ro.object(), PropertyKey::index(k));
  return ro.get();
}

Value array_fill(VM& vm, CallInfo& ci) {
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  std::uint64_t len = length_of(vm, ro.object());
  std::uint64_t start = relative(vm, ci.arg(1), len, 0);
  std::uint64_t end = relative(vm, ci.arg(2), len, len);
  for (std::uint64_t k = start; k < end; ++k) vm.set(ro.object(), key_at(vm, k), ci.arg(0));
  return ro.get();
}

// Array.prototype.copyWithin (ECMA-262 23.1.3.4): copies [start, end) to
// target, back to front when the ranges overlap that way; holes delete.
Value array_copy_within(VM& vm, CallInfo& ci) {
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  std::uint64_t len = length_of(vm, ro.object());
  std::uint64_t to = relative(vm, ci.arg(0), len, 0);
  std::uint64_t from = relative(vm, ci.arg(1), len, 0);
  std::uint64_t end = relative(vm, ci.arg(2), len, len);
  if (end <= from || to >= len) return ro.get();
  std::uint64_t count = std::min(end - from, len - to);
  bool backwards = from < to && to < from + count;
  for (std::uint64_t i = 0; i < count; ++i) {
    std::uint64_t k = backwards ? count - 1 - i : i;
    PropertyKey dst = key_at(vm, to + k);
    if (has_at(vm, ro.object(), from + k)) {
      Value v = get_at(vm, ro.object(), from + k);
      vm.set(ro.object(), dst, v);
    } else if (!vm.delete_property(ro.object(), dst)) {
      vm.throw_type_error("Cannot delete property '" + std::to_string(to + k) + "' of " +
                          vm.describe(ro.get()));
    }
  }
  return ro.get();
}

void flatten_into(VM& vm, Object* target, Object* source, std::uint64_t len, double depth) {
  Rooted rt(vm, Value::object(target));
  Rooted rs(vm, Value::object(source));
  for (std::uint64_t k = 0; k < len; ++k) {
    if (!has_at(vm, rs.object(), k)) continue;
    Value v = get_at(vm, rs.object(), k);
    if (depth > 0 && vm.is_array(v)) {
      flatten_into(vm, rt.object(), v.as_object(), length_of(vm, v.as_object()), depth - 1);
    } else {
      vm.array_push(rt.object(), v);
    }
  }
}

Value array_flat(VM& vm, CallInfo& ci) {
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  double depth = ci.arg(0).is_undefined() ? 1 : vm.to_integer_or_infinity(ci.arg(0));
  Rooted out(vm, Value::object(vm.new_array()));
  flatten_into(vm, out.object(), ro.object(), length_of(vm, ro.object()), depth);
  return out.get();
}

Value array_flat_map(VM& vm, CallInfo& ci) {
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  std::uint64_t len = length_of(vm, ro.object());
  Rooted fn(vm, callback_arg(vm, ci, "flatMap"));
  Rooted this_arg(vm, ci.arg(1));
  Rooted out(vm, Value::object(vm.new_array()));
  for (std::uint64_t k = 0; k < len; ++k) {
    if (!has_at(vm, ro.object(), k)) continue;
    Value v = get_at(vm, ro.object(), k);
    Value args[3] = {v, Value::number(static_cast<double>(k)), ro.get()};
    Value r = vm.call(fn.get(), this_arg.get(), args);
    if (vm.is_array(r)) {
      flatten_into(vm, out.object(), r.as_object(), length_of(vm, r.as_object()), 0);
    } else {
      vm.array_push(out.object(), r);
    }
  }
  return out.get();
}

Value array_at(VM& vm, CallInfo& ci) {
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  std::uint64_t len = length_of(vm, ro.object());
  double k = vm.to_integer_or_infinity(ci.arg(0));
  if (k < 0) k += len;
  if (k < 0 || k >= len) return Value::undefined();
  return get_at(vm, ro.object(), static_cast<std::uint64_t>(k));
}

Value array_values(VM& vm, CallInfo& ci) {
  return make_array_iterator(vm, Value::object(vm.to_object(ci.this_value)), 0);
}
Value array_keys(VM& vm, CallInfo& ci) {
  return make_array_iterator(vm, Value::object(vm.to_object(ci.this_value)), 1);
}
Value array_entries(VM& vm, CallInfo& ci) {
  return make_array_iterator(vm, Value::object(vm.to_object(ci.this_value)), 2);
}

// ---- change array by copy (ES2023 23.1.3.33-35, 39) ----

// LengthOfArrayLike up to 2^53 - 1, as a double (ArrayCreate checks it).
double length_as_double(VM& vm, Object* o) {
  if (o->is_array()) return o->array_length();
  double d = vm.to_integer_or_infinity(vm.get(o, PropertyKey::atom(vm.atoms().length)));
  return std::clamp(d, 0.0, 9007199254740991.0);
}

// ArrayCreate(len) (10.4.2.2) with its elements to be filled in order.
Object* array_create(VM& vm, double len) {
  if (len > 4294967295.0) vm.throw_range_error("Invalid array length");
  return vm.new_array(static_cast<std::uint64_t>(std::min(len, 1024.0)));
}

Value array_to_reversed(VM& vm, CallInfo& ci) {
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  double len = length_as_double(vm, ro.object());
  Rooted a(vm, Value::object(array_create(vm, len)));
  auto n = static_cast<std::uint64_t>(len);
  for (std::uint64_t k = 0; k < n; ++k) {
    Value v = get_at(vm, ro.object(), n - 1 - k);
    vm.array_push(a.object(), v);
  }
  return a.get();
}

Value array_to_sorted(VM& vm, CallInfo& ci) {
  Value cmp = comparefn_arg(vm, ci);
  Rooted rcmp(vm, cmp);
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  double len = length_as_double(vm, ro.object());
  Rooted a(vm, Value::object(array_create(vm, len)));
  auto n = static_cast<std::uint64_t>(len);
  for (std::uint64_t k = 0; k < n; ++k) {
    Value v = get_at(vm, ro.object(), k);
    vm.array_push(a.object(), v);
  }
  // The copy has no holes and no accessors: sorting it in place is
  // SortIndexedProperties over the original's values.
  Value arg = rcmp.get();
  CallInfo sort{a.get(), &arg, 1, Value::undefined(), ci.callee};
  return array_sort(vm, sort);
}

Value array_to_spliced(VM& vm, CallInfo& ci) {
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  double len = length_as_double(vm, ro.object());
  double start = relative_index(vm, ci.arg(0), len, 0);
  double skip = 0;
  if (ci.argc == 1) {
    skip = len - start;
  } else if (ci.argc >= 2) {
    skip = std::clamp(vm.to_integer_or_infinity(ci.arg(1)), 0.0, len - start);
  }
  std::uint64_t items = ci.argc > 2 ? ci.argc - 2 : 0;
  double new_len = len + items - skip;
  if (new_len > 9007199254740991.0) vm.throw_type_error("Invalid array length");
  Rooted a(vm, Value::object(array_create(vm, new_len)));
  auto s = static_cast<std::uint64_t>(start);
  for (std::uint64_t k = 0; k < s; ++k) {
    Value v = get_at(vm, ro.object(), k);
    vm.array_push(a.object(), v);
  }
  for (std::uint64_t i = 0; i < items; ++i) vm.array_push(a.object(), ci.args[i + 2]);
  auto n = static_cast<std::uint64_t>(len);
  for (auto k = static_cast<std::uint64_t>(start + skip); k < n; ++k) {
    Value v = get_at(vm, ro.object(), k);
    vm.array_push(a.object(), v);
  }
  return a.get();
}

Value array_with(VM& vm, CallInfo& ci) {
  Rooted ro(vm, Value::object(vm.to_object(ci.this_value)));
  double len = length_as_double(vm, ro.object());
  double rel = vm.to_integer_or_infinity(ci.arg(0));
  double index = rel >= 0 ? rel : len + rel;
  if (index >= len || index < 0)
    vm.throw_range_error("Invalid index : " + util::number_to_string(rel));
  Rooted value(vm, ci.arg(1));
  Rooted a(vm, Value::object(array_create(vm, len)));
  auto n = static_cast<std::uint64_t>(len);
  for (std::uint64_t k = 0; k < n; ++k) {
    Value v = k == index ? value.get() : get_at(vm, ro.object(), k);
    vm.array_push(a.object(), v);
  }
  return a.get();
}

}  // namespace

Value comparefn_arg(VM& vm, CallInfo& ci) {
  Value cmp = ci.arg(0);
  if (!cmp.is_undefined() && !vm.is_callable(cmp)) {
    vm.throw_type_error("The comparison function must be either a function or undefined");
  }
  return cmp;
}

void install_array(VM& vm, Object* global) {
  Intrinsics& in = vm.intrinsics();
  Object* proto = in.array_prototype;
  NativeFunction* ctor = make_constructor(vm, global, "Array", array_ctor, 1, proto);
  in.array_constructor = ctor;
  vm.define_native(ctor, "isArray", array_is_array, 1);
  vm.define_native(ctor, "of", array_of, 0);
  vm.define_native(ctor, "from", array_from, 1);
  struct M {
    const char* name;
    NativeFn fn;
    std::uint32_t length;
  };
  const M methods[] = {
      {"push", array_push, 1},
      {"pop", array_pop, 0},
      {"shift", array_shift, 0},
      {"unshift", array_unshift, 1},
      {"slice", array_slice, 2},
      {"splice", array_splice, 2},
      {"concat", array_concat, 1},
      {"join", array_join, 1},
      {"toString", array_to_string, 0},
      {"reverse", array_reverse, 0},
      {"indexOf", array_index_of, 1},
      {"lastIndexOf", array_last_index_of, 1},
      {"includes", array_includes, 1},
      {"find", array_find, 1},
      {"findIndex", array_find_index, 1},
      {"findLast", array_find_last, 1},
      {"findLastIndex", array_find_last_index, 1},
      {"filter", array_filter, 1},
      {"map", array_map, 1},
      {"forEach", array_for_each, 1},
      {"some", array_some, 1},
      {"every", array_every, 1},
      {"reduce", array_reduce, 1},
      {"reduceRight", array_reduce_right, 1},
      {"sort", array_sort, 1},
      {"copyWithin", array_copy_within, 2},
      {"fill", array_fill, 1},
      {"flat", array_flat, 0},
      {"flatMap", array_flat_map, 1},
      {"at", array_at, 1},
      {"keys", array_keys, 0},
      {"entries", array_entries, 0},
      {"toReversed", array_to_reversed, 0},
      {"toSorted", array_to_sorted, 1},
      {"toSpliced", array_to_spliced, 2},
      {"with", array_with, 2},
  };
  for (const M& m : methods) vm.define_native(proto, m.name, m.fn, m.length);
  NativeFunction* values = vm.define_native(proto, "values", array_values, 0);
  in.array_values = values;
  vm.define_own_property(proto, PropertyKey::symbol(in.symbol_iterator), Value::object(values),
                         attr::kHidden);
  // Array.prototype[@@unscopables] (ECMA-262 23.1.3.41): a null-prototype
  // object naming the methods added since ES5.
  Rooted rproto(vm, Value::object(proto));
  Rooted unscopables(vm, Value::object(vm.new_object_with_proto(nullptr)));
  for (const char* name :
       {"at", "copyWithin", "entries", "fill", "find", "findIndex", "findLast", "findLastIndex",
        "flat", "flatMap", "includes", "keys", "toReversed", "toSorted", "toSpliced", "values"}) {
    vm.define_value(unscopables.object(), name, Value::boolean(true), attr::kDefault);
  }
  vm.define_own_property(rproto.object(), PropertyKey::symbol(in.symbol_unscopables),
                         unscopables.get(), attr::kConfigurable);
}

}  // namespace kite::vm::builtins
