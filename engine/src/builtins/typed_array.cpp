// %TypedArray% and the nine typed array constructors (ECMA-262 23.2):
// Int8Array through Float64Array. BigInt64Array and BigUint64Array come
// with BigInt. The element access itself (the exotic object's [[Get]] and
// [[Set]]) is objects/typed_array.cpp; the methods here work on the bytes
// directly where no user code can run between reads, and through
// VM::typed_array_get/set (which re-check the buffer) where it can.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "builtins/builtins.h"
#include "objects/string_builder.h"
#include "objects/typed_array.h"
#include "vm/iteration.h"

namespace kite::vm::builtins {

namespace {

TypedArrayObject* as_typed_array(Value v) {
  return static_cast<TypedArrayObject*>(v.as_object());
}

bool is_typed_array(Value v) {
  return v.is_object() && v.as_object()->klass() == ObjectClass::kTypedArray;
}

// RequireInternalSlot(O, [[TypedArrayName]]).
TypedArrayObject* this_typed_array(VM& vm, Value v, std::string_view method) {
  if (!is_typed_array(v)) {
    vm.throw_type_error(std::string(method) + ": this is not a typed array");
  }
  return as_typed_array(v);
}

// ValidateTypedArray (23.2.4.4): a typed array whose buffer is not detached.
TypedArrayObject* validate(VM& vm, Value v, std::string_view method) {
  TypedArrayObject* ta = this_typed_array(vm, v, method);
  if (ta->is_detached()) {
    vm.throw_type_error("Cannot perform " + std::string(method) + " on a detached ArrayBuffer");
  }
  return ta;
}

ElementKind kind_of_callee(CallInfo& ci) {
  return static_cast<ElementKind>(static_cast<NativeFunction*>(ci.callee)->data.as_int32());
}

// AllocateTypedArray with a fresh zeroed buffer of `length` elements.
TypedArrayObject* allocate(VM& vm, ElementKind kind, Object* proto, std::size_t length) {
  if (length > kMaxByteLength / element_size(kind)) {
    vm.throw_range_error("Invalid typed array length: " + std::to_string(length));
  }
  Rooted rp(vm, Value::object(proto));
  ArrayBufferObject* buf =
      vm.new_array_buffer(vm.intrinsics().array_buffer_prototype, length * element_size(kind));
  return vm.new_typed_array(rp.object(), kind, buf, 0, static_cast<std::uint32_t>(length));
}

Value element(VM& vm, TypedArrayObject* ta, std::uint32_t i) {
  const std::uint8_t* p = ta->bytes() + std::size_t{i} * ta->element_bytes();
  return is_bigint_kind(ta->kind) ? vm.typed_array_load(ta->kind, p) : load_element(ta->kind, p);
}

// The two content types (Number, BigInt) never mix: a TypeError.
void check_content_type(VM& vm, ElementKind a, ElementKind b) {
  if (is_bigint_kind(a) != is_bigint_kind(b)) {
    vm.throw_type_error("Content type mismatch: cannot mix BigInt and Number typed arrays");
  }
}

// Get(O, k) for an integer k: undefined past the end or once detached.
Value get_live(VM& vm, TypedArrayObject* ta, std::uint32_t k) {
  return k < ta->live_length() ? element(vm, ta, k) : Value::undefined();
}

// Number values only (no user code runs), so the bytes can be written at once.
void store_number(TypedArrayObject* ta, std::uint32_t i, Value v) {
  std::uint8_t* p = ta->bytes() + std::size_t{i} * ta->element_bytes();
  if (v.is_int32()) {
    store_element_int(ta->kind, p, v.as_int32());
  } else {
    store_element(ta->kind, p, v.as_double());
  }
}

// TypedArrayCreateFromConstructor (23.2.4.2): Construct, then check what came back.
TypedArrayObject* create_from_constructor(VM& vm, Value ctor, std::span<const Value> args,
                                          std::string_view method) {
  Value made = vm.construct(ctor, args, ctor);
  TypedArrayObject* ta = validate(vm, made, method);
  if (args.size() == 1 && args[0].is_number() && ta->length < args[0].as_number()) {
    vm.throw_type_error(std::string(method) + ": the constructor made a too short typed array");
  }
  return ta;
}

// TypedArraySpeciesCreate (23.2.4.1).
TypedArrayObject* species_create(VM& vm, TypedArrayObject* exemplar, std::span<const Value> args,
                                 std::string_view method) {
  Value dflt =
      Value::object(vm.intrinsics().typed_array_constructors[static_cast<int>(exemplar->kind)]);
  ElementKind kind = exemplar->kind;
  Value ctor = species_constructor(vm, exemplar, dflt);
  TypedArrayObject* result = create_from_constructor(vm, ctor, args, method);
  check_content_type(vm, result->kind, kind);
  return result;
}

TypedArrayObject* species_create(VM& vm, TypedArrayObject* exemplar, double length,
                                 std::string_view method) {
  Value arg = Value::number(length);
  return species_create(vm, exemplar, std::span<const Value>(&arg, 1), method);
}

// TypedArrayCreateSameType (23.2.4.3).
TypedArrayObject* create_same_type(VM& vm, TypedArrayObject* exemplar, std::uint32_t length) {
  ElementKind k = exemplar->kind;
  return allocate(vm, k, vm.intrinsics().typed_array_prototypes[static_cast<int>(k)], length);
}

// ---- constructors ----

Value abstract_ctor(VM& vm, CallInfo&) {
  vm.throw_type_error("Abstract class TypedArray not directly constructable");
}

// The values of an iterable, as IterableToList collects them (rooted in an array).
Value iterable_to_list(VM& vm, Value obj, Value method) {
  Rooted list(vm, Value::object(vm.new_array()));
  Rooted it(vm, get_iterator_from_method(vm, obj, method));
  Value v;
  while (vm.iterator_step(it.get(), &v)) vm.array_push(list.object(), v);
  return list.get();
}

// Fills `ta` from the list `values` (an array of values) or an array-like.
void fill_from(VM& vm, Rooted& ta, Value source, std::uint32_t len, bool is_list) {
  for (std::uint32_t k = 0; k < len; ++k) {
    Value v = is_list ? source.as_object()->elements()[k]
                      : vm.get(source.as_object(), PropertyKey::index(k));
    vm.typed_array_set(as_typed_array(ta.get()), k, v);
  }
}

// True when `arr` is a dense array of numbers iterated by the unmodified
// array iterator: its values can be copied without running user code.
bool plain_number_array(VM& vm, Value arr, Value method) {
  if (!arr.is_object() || !arr.as_object()->is_array() || arr.as_object()->has_sparse())
    return false;
  if (method != Value::object(vm.intrinsics().array_values)) return false;
  Object* aip = vm.intrinsics().array_iterator_prototype;
  Property p;
  if (!vm.get_own_property(aip, PropertyKey::atom(vm.atoms().next), &p) ||
      p.value != Value::object(vm.intrinsics().array_iterator_next)) {
    return false;
  }
  Object* a = arr.as_object();
  for (std::uint32_t i = 0; i < a->element_count(); ++i) {
    if (!a->elements()[i].is_number()) return false;
  }
  return true;
}

// 23.2.5.1 TypedArray(...args) for one element kind (NativeFunction::data).
Value typed_array_ctor(VM& vm, CallInfo& ci) {
  ElementKind kind = kind_of_callee(ci);
  const char* name = element_kind_name(kind);
  if (ci.new_target.is_undefined()) {
    vm.throw_type_error(std::string("Constructor ") + name + " requires 'new'");
  }
  Object* dflt = vm.intrinsics().typed_array_prototypes[static_cast<int>(kind)];
  Value first = ci.arg(0);
  if (!first.is_object()) {
    double d = vm.to_integer_or_infinity(first);
    if (d < 0 || d > 9007199254740991.0) {
      vm.throw_range_error("Invalid typed array length: " + vm.to_string(first)->to_utf8());
    }
    auto len = static_cast<std::size_t>(d);
    Object* proto = prototype_from_constructor(vm, ci.new_target, dflt);
    return Value::object(allocate(vm, kind, proto, len));
  }
  Rooted rf(vm, first);
  Rooted proto(vm, Value::object(prototype_from_constructor(vm, ci.new_target, dflt)));
  std::uint32_t size = element_size(kind);
  Object* fo = rf.object();
  if (fo->klass() == ObjectClass::kTypedArray) {
    // InitializeTypedArrayFromTypedArray (23.2.5.1.2).
    auto* src = static_cast<TypedArrayObject*>(fo);
    if (src->is_detached())
      vm.throw_type_error("Cannot construct a typed array from a detached ArrayBuffer");
    check_content_type(vm, src->kind, kind);
    TypedArrayObject* ta = allocate(vm, kind, proto.object(), src->length);
    src = as_typed_array(rf.get());
    if (src->kind == kind) {
      std::memcpy(ta->bytes(), src->bytes(), std::size_t{src->length} * size);
    } else {
      for (std::uint32_t i = 0; i < src->length; ++i) {
        if (is_bigint_kind(kind)) {  // same bits, other signedness
          std::memcpy(ta->bytes() + std::size_t{i} * 8, src->bytes() + std::size_t{i} * 8, 8);
        } else {
          store_number(ta, i, element(vm, src, i));
        }
      }
    }
    return Value::object(ta);
  }
  if (fo->klass() == ObjectClass::kArrayBuffer) {
    // InitializeTypedArrayFromArrayBuffer (23.2.5.1.3).
    std::size_t offset = to_index(vm, ci.arg(1), "typed array offset");
    if (offset % size != 0) {
      vm.throw_range_error(std::string("start offset of ") + name + " should be a multiple of " +
                           std::to_string(size));
    }
    std::size_t new_length = 0;
    bool has_length = !ci.arg(2).is_undefined();
    if (has_length) new_length = to_index(vm, ci.arg(2), "typed array length");
    auto* buf = static_cast<ArrayBufferObject*>(rf.object());
    if (buf->detached)
      vm.throw_type_error("Cannot construct a typed array on a detached ArrayBuffer");
    std::size_t buf_len = buf->byte_length;
    std::size_t byte_len;
    if (!has_length) {
      if (buf_len % size != 0) {
        vm.throw_range_error(std::string("byte length of ") + name + " should be a multiple of " +
                             std::to_string(size));
      }
      if (offset > buf_len)
        vm.throw_range_error("Start offset is outside the bounds of the buffer");
      byte_len = buf_len - offset;
    } else {
      byte_len = new_length * size;
      if (new_length > kMaxByteLength || offset + byte_len > buf_len) {
        vm.throw_range_error("Invalid typed array length: " + std::to_string(new_length));
      }
    }
    return Value::object(vm.new_typed_array(proto.object(), kind, buf, offset,
                                            static_cast<std::uint32_t>(byte_len / size)));
  }
  // InitializeTypedArrayFromList / FromArrayLike (23.2.5.1.4-5).
  Value method = vm.get_method(rf.get(), PropertyKey::symbol(vm.intrinsics().symbol_iterator));
  if (!method.is_undefined()) {
    if (!is_bigint_kind(kind) && plain_number_array(vm, rf.get(), method)) {
      Object* a = rf.object();
      std::uint32_t n = a->element_count();
      TypedArrayObject* ta = allocate(vm, kind, proto.object(), n);
      a = rf.object();
      for (std::uint32_t i = 0; i < n; ++i) store_number(ta, i, a->elements()[i]);
      return Value::object(ta);
    }
    Rooted list(vm, iterable_to_list(vm, rf.get(), method));
    std::uint32_t n = list.object()->element_count();
    Rooted ta(vm, Value::object(allocate(vm, kind, proto.object(), n)));
    fill_from(vm, ta, list.get(), n, true);
    return ta.get();
  }
  double len = vm.to_length_u32(vm.get(rf.object(), PropertyKey::atom(vm.atoms().length)));
  Rooted ta(vm, Value::object(allocate(vm, kind, proto.object(), static_cast<std::size_t>(len))));
  fill_from(vm, ta, rf.get(), static_cast<std::uint32_t>(len), false);
  return ta.get();
}

// %TypedArray%.from (23.2.2.1).
Value typed_array_from(VM& vm, CallInfo& ci) {
  Value c = ci.this_value;
  if (!vm.is_constructor(c)) vm.throw_type_error("TypedArray.from: this is not a constructor");
  Value mapfn = ci.arg(1);
  bool mapping = !mapfn.is_undefined();
  if (mapping && !vm.is_callable(mapfn))
    vm.throw_type_error("TypedArray.from: the map function is not callable");
  Rooted rc(vm, c);
  Rooted rm(vm, mapfn);
  Rooted rt(vm, ci.arg(2));
  Rooted src(vm, ci.arg(0));
  Value method = vm.get_method(src.get(), PropertyKey::symbol(vm.intrinsics().symbol_iterator));
  bool is_list = !method.is_undefined();
  std::uint32_t len;
  if (is_list) {
    src.set(iterable_to_list(vm, src.get(), method));
    len = src.object()->element_count();
  } else {
    src.set(Value::object(vm.to_object(src.get())));
    len = vm.to_length_u32(vm.get(src.object(), PropertyKey::atom(vm.atoms().length)));
  }
  Value arg = Value::number(len);
  Rooted target(vm, Value::object(create_from_constructor(
                        vm, rc.get(), std::span<const Value>(&arg, 1), "TypedArray.from")));
  for (std::uint32_t k = 0; k < len; ++k) {
    Value v = is_list ? src.object()->elements()[k] : vm.get(src.object(), PropertyKey::index(k));
    if (mapping) {
      Value args[2] = {v, Value::number(k)};
      v = vm.call(rm.get(), rt.get(), args);
    }
    vm.set(target.object(), PropertyKey::index(k), v);
  }
  return target.get();
}

// %TypedArray%.of (23.2.2.2).
Value typed_array_of(VM& vm, CallInfo& ci) {
  Value c = ci.this_value;
  if (!vm.is_constructor(c)) vm.throw_type_error("TypedArray.of: this is not a constructor");
  Value arg = Value::number(ci.argc);
  Rooted target(vm, Value::object(create_from_constructor(vm, c, std::span<const Value>(&arg, 1),
                                                          "TypedArray.of")));
  for (std::uint32_t k = 0; k < ci.argc; ++k) {
    vm.set(target.object(), PropertyKey::index(k), ci.args[k]);
  }
  return target.get();
}

Value species_getter(VM&, CallInfo& ci) {
  return ci.this_value;
}

// ---- accessors ----

Value ta_buffer(VM& vm, CallInfo& ci) {
  return Value::object(
      this_typed_array(vm, ci.this_value, "get TypedArray.prototype.buffer")->buffer);
}

Value ta_byte_length(VM& vm, CallInfo& ci) {
  TypedArrayObject* ta = this_typed_array(vm, ci.this_value, "get TypedArray.prototype.byteLength");
  return Value::number(static_cast<double>(std::size_t{ta->live_length()} * ta->element_bytes()));
}

Value ta_byte_offset(VM& vm, CallInfo& ci) {
  TypedArrayObject* ta = this_typed_array(vm, ci.this_value, "get TypedArray.prototype.byteOffset");
  return Value::number(ta->is_detached() ? 0.0 : static_cast<double>(ta->byte_offset));
}

Value ta_length(VM& vm, CallInfo& ci) {
  TypedArrayObject* ta = this_typed_array(vm, ci.this_value, "get TypedArray.prototype.length");
  return Value::number(ta->live_length());
}

// ---- methods ----

Value ta_at(VM& vm, CallInfo& ci) {
  TypedArrayObject* ta = validate(vm, ci.this_value, "%TypedArray%.prototype.at");
  Rooted ro(vm, ci.this_value);
  double len = ta->length;
  double rel = vm.to_integer_or_infinity(ci.arg(0));
  double k = rel >= 0 ? rel : len + rel;
  if (k < 0 || k >= len) return Value::undefined();
  return vm.typed_array_get(as_typed_array(ro.get()), k);
}

Value ta_copy_within(VM& vm, CallInfo& ci) {
  TypedArrayObject* ta = validate(vm, ci.this_value, "%TypedArray%.prototype.copyWithin");
  Rooted ro(vm, ci.this_value);
  double len = ta->length;
  double to = relative_index(vm, ci.arg(0), len, 0);
  double from = relative_index(vm, ci.arg(1), len, 0);
  double final = relative_index(vm, ci.arg(2), len, len);
  double count = std::min(final - from, len - to);
  if (count > 0) {
    ta = as_typed_array(ro.get());
    if (ta->is_detached()) {
      vm.throw_type_error(
          "Cannot perform %TypedArray%.prototype.copyWithin on a detached ArrayBuffer");
    }
    std::size_t size = ta->element_bytes();
    std::memmove(ta->bytes() + static_cast<std::size_t>(to) * size,
                 ta->bytes() + static_cast<std::size_t>(from) * size,
                 static_cast<std::size_t>(count) * size);
  }
  return ro.get();
}

Value ta_entries(VM& vm, CallInfo& ci) {
  validate(vm, ci.this_value, "%TypedArray%.prototype.entries");
  return make_array_iterator(vm, ci.this_value, 2);
}
Value ta_keys(VM& vm, CallInfo& ci) {
  validate(vm, ci.this_value, "%TypedArray%.prototype.keys");
  return make_array_iterator(vm, ci.this_value, 1);
}
Value ta_values(VM& vm, CallInfo& ci) {
  validate(vm, ci.this_value, "%TypedArray%.prototype.values");
  return make_array_iterator(vm, ci.this_value, 0);
}

// every, some, forEach, find, findIndex, findLast, findLastIndex, map and
// filter: one loop calling back with (value, index, array).
enum class Each {
  kEvery,
  kSome,
  kForEach,
  kFind,
  kFindIndex,
  kFindLast,
  kFindLastIndex,
  kMap,
  kFilter
};

Value iterate(VM& vm, CallInfo& ci, Each what, const char* method) {
  TypedArrayObject* ta = validate(vm, ci.this_value, method);
  Rooted ro(vm, ci.this_value);
  std::uint32_t len = ta->length;
  Value fn = ci.arg(0);
  if (!vm.is_callable(fn)) vm.throw_type_error(vm.describe(fn) + " is not a function");
  Rooted rf(vm, fn);
  Rooted this_arg(vm, ci.arg(1));
  Rooted out(vm, Value::undefined());
  if (what == Each::kMap) out.set(Value::object(species_create(vm, ta, len, method)));
  if (what == Each::kFilter) out.set(Value::object(vm.new_array()));
  bool backwards = what == Each::kFindLast || what == Each::kFindLastIndex;
  for (std::uint32_t n = 0; n < len; ++n) {
    std::uint32_t k = backwards ? len - 1 - n : n;
    Rooted v(vm, get_live(vm, as_typed_array(ro.get()), k));
    Value args[3] = {v.get(), Value::number(k), ro.get()};
    Value r = vm.call(rf.get(), this_arg.get(), args);
    switch (what) {
      case Each::kEvery:
        if (!VM::to_boolean(r)) return Value::boolean(false);
        break;
      case Each::kSome:
        if (VM::to_boolean(r)) return Value::boolean(true);
        break;
      case Each::kForEach:
        break;
      case Each::kFind:
      case Each::kFindLast:
        if (VM::to_boolean(r)) return v.get();
        break;
      case Each::kFindIndex:
      case Each::kFindLastIndex:
        if (VM::to_boolean(r)) return Value::number(k);
        break;
      case Each::kMap:
        // Set(A, k, mapped, true): A is a typed array (create_from_constructor checked).
        vm.typed_array_set(as_typed_array(out.get()), k, r);
        break;
      case Each::kFilter:
        if (VM::to_boolean(r)) vm.array_push(out.object(), v.get());
        break;
    }
  }
  switch (what) {
    case Each::kEvery:
      return Value::boolean(true);
    case Each::kSome:
      return Value::boolean(false);
    case Each::kFindIndex:
    case Each::kFindLastIndex:
      return Value::int32(-1);
    case Each::kMap:
      return out.get();
    case Each::kFilter: {
      std::uint32_t n = out.object()->element_count();
      Rooted a(vm, Value::object(species_create(vm, as_typed_array(ro.get()), n, method)));
      for (std::uint32_t i = 0; i < n; ++i) {
        vm.set(a.object(), PropertyKey::index(i), out.object()->elements()[i]);
      }
      return a.get();
    }
    default:
      return Value::undefined();
  }
}

Value ta_every(VM& vm, CallInfo& ci) {
  return iterate(vm, ci, Each::kEvery, "%TypedArray%.prototype.every");
}
Value ta_some(VM& vm, CallInfo& ci) {
  return iterate(vm, ci, Each::kSome, "%TypedArray%.prototype.some");
}
Value ta_for_each(VM& vm, CallInfo& ci) {
  return iterate(vm, ci, Each::kForEach, "%TypedArray%.prototype.forEach");
}
Value ta_find(VM& vm, CallInfo& ci) {
  return iterate(vm, ci, Each::kFind, "%TypedArray%.prototype.find");
}
Value ta_find_index(VM& vm, CallInfo& ci) {
  return iterate(vm, ci, Each::kFindIndex, "%TypedArray%.prototype.findIndex");
}
Value ta_find_last(VM& vm, CallInfo& ci) {
  return iterate(vm, ci, Each::kFindLast, "%TypedArray%.prototype.findLast");
}
Value ta_find_last_index(VM& vm, CallInfo& ci) {
  return iterate(vm, ci, Each::kFindLastIndex, "%TypedArray%.prototype.findLastIndex");
}
Value ta_map(VM& vm, CallInfo& ci) {
  return iterate(vm, ci, Each::kMap, "%TypedArray%.prototype.map");
}
Value ta_filter(VM& vm, CallInfo& ci) {
  return iterate(vm, ci, Each::kFilter, "%TypedArray%.prototype.filter");
}

Value ta_fill(VM& vm, CallInfo& ci) {
  TypedArrayObject* ta = validate(vm, ci.this_value, "%TypedArray%.prototype.fill");
  Rooted ro(vm, ci.this_value);
  double len = ta->length;
  Rooted value(vm, vm.to_element_value(ta->kind, ci.arg(0)));
  double k = relative_index(vm, ci.arg(1), len, 0);
  double final = relative_index(vm, ci.arg(2), len, len);
  ta = as_typed_array(ro.get());
  if (ta->is_detached())
    vm.throw_type_error("Cannot perform %TypedArray%.prototype.fill on a detached ArrayBuffer");
  if (k >= final) return ro.get();
  std::uint32_t size = ta->element_bytes();
  std::uint8_t* p = ta->bytes() + static_cast<std::size_t>(k) * size;
  auto n = static_cast<std::size_t>(final - k);
  vm.typed_array_store(ta->kind, p, value.get());
  if (size == 1) {
    std::memset(p + 1, *p, n - 1);
  } else {
    for (std::size_t i = 1; i < n; ++i) std::memcpy(p + i * size, p, size);
  }
  return ro.get();
}

// includes (search 0), indexOf (1), lastIndexOf (2).
Value search(VM& vm, CallInfo& ci, int mode, const char* method) {
  TypedArrayObject* ta = validate(vm, ci.this_value, method);
  Rooted ro(vm, ci.this_value);
  Rooted target(vm, ci.arg(0));
  double len = ta->length;
  if (len == 0) return mode == 0 ? Value::boolean(false) : Value::int32(-1);
  if (mode == 2) {
    double n = ci.argc > 1 ? vm.to_integer_or_infinity(ci.arg(1)) : len - 1;
    if (n == -INFINITY) return Value::int32(-1);
    double k = n >= 0 ? std::min(n, len - 1) : len + n;
    ta = as_typed_array(ro.get());
    for (; k >= 0; --k) {
      if (!is_valid_integer_index(ta, k)) continue;
      if (vm.strict_equals(element(vm, ta, static_cast<std::uint32_t>(k)), target.get())) {
        return Value::number(k);
      }
    }
    return Value::int32(-1);
  }
  double n = vm.to_integer_or_infinity(ci.arg(1));
  if (n == INFINITY) return mode == 0 ? Value::boolean(false) : Value::int32(-1);
  if (n == -INFINITY) n = 0;
  double k = n >= 0 ? n : std::max(len + n, 0.0);
  ta = as_typed_array(ro.get());
  for (; k < len; ++k) {
    if (mode == 0) {
      if (vm.same_value_zero(vm.typed_array_get(ta, k), target.get())) return Value::boolean(true);
    } else if (is_valid_integer_index(ta, k) &&
               vm.strict_equals(element(vm, ta, static_cast<std::uint32_t>(k)), target.get())) {
      return Value::number(k);
    }
  }
  return mode == 0 ? Value::boolean(false) : Value::int32(-1);
}

Value ta_includes(VM& vm, CallInfo& ci) {
  return search(vm, ci, 0, "%TypedArray%.prototype.includes");
}
Value ta_index_of(VM& vm, CallInfo& ci) {
  return search(vm, ci, 1, "%TypedArray%.prototype.indexOf");
}
Value ta_last_index_of(VM& vm, CallInfo& ci) {
  return search(vm, ci, 2, "%TypedArray%.prototype.lastIndexOf");
}

// join (locale false) and toLocaleString (true).
Value join(VM& vm, CallInfo& ci, bool locale) {
  const char* method =
      locale ? "%TypedArray%.prototype.toLocaleString" : "%TypedArray%.prototype.join";
  TypedArrayObject* ta = validate(vm, ci.this_value, method);
  Rooted ro(vm, ci.this_value);
  std::uint32_t len = ta->length;
  Rooted sep(vm, Value::undefined());
  if (!locale && !ci.arg(0).is_undefined()) sep.set(Value::string(vm.to_string(ci.arg(0))));
  StringBuilder sb;
  for (std::uint32_t k = 0; k < len; ++k) {
    if (k > 0) {
      if (sep.get().is_undefined()) {
        sb.append_ascii(",");
      } else {
        sb.append(vm.flatten(sep.get().as_string()));
      }
    }
    Value v = get_live(vm, as_typed_array(ro.get()), k);
    if (v.is_undefined()) continue;
    if (locale) {
      Rooted rv(vm, v);
      Value fn = vm.get_value(rv.get(), vm.key("toLocaleString"));
      Value r = vm.call(fn, rv.get(), {});
      sb.append(vm.flatten(vm.to_string(r)));
    } else {
      sb.append(vm.flatten(vm.to_string(v)));
    }
  }
  return Value::string(sb.finish(vm));
}

Value ta_join(VM& vm, CallInfo& ci) {
  return join(vm, ci, false);
}
Value ta_to_locale_string(VM& vm, CallInfo& ci) {
  return join(vm, ci, true);
}

Value reduce(VM& vm, CallInfo& ci, bool right) {
  const char* method =
      right ? "%TypedArray%.prototype.reduceRight" : "%TypedArray%.prototype.reduce";
  TypedArrayObject* ta = validate(vm, ci.this_value, method);
  Rooted ro(vm, ci.this_value);
  std::uint32_t len = ta->length;
  Value fn = ci.arg(0);
  if (!vm.is_callable(fn)) vm.throw_type_error(vm.describe(fn) + " is not a function");
  Rooted rf(vm, fn);
  std::uint32_t n = 0;
  Rooted acc(vm, Value::undefined());
  if (ci.argc >= 2) {
    acc.set(ci.arg(1));
  } else {
    if (len == 0) vm.throw_type_error("Reduce of empty array with no initial value");
    acc.set(element(vm, ta, right ? len - 1 : 0));
    n = 1;
  }
  for (; n < len; ++n) {
    std::uint32_t k = right ? len - 1 - n : n;
    Rooted v(vm, get_live(vm, as_typed_array(ro.get()), k));
    Value args[4] = {acc.get(), v.get(), Value::number(k), ro.get()};
    acc.set(vm.call(rf.get(), Value::undefined(), args));
  }
  return acc.get();
}

Value ta_reduce(VM& vm, CallInfo& ci) {
  return reduce(vm, ci, false);
}
Value ta_reduce_right(VM& vm, CallInfo& ci) {
  return reduce(vm, ci, true);
}

void reverse_elements(std::uint8_t* p, std::uint32_t len, std::uint32_t size) {
  std::uint8_t tmp[8];
  for (std::uint32_t lo = 0, hi = len; lo + 1 < hi; ++lo) {
    --hi;
    std::memcpy(tmp, p + std::size_t{lo} * size, size);
    std::memcpy(p + std::size_t{lo} * size, p + std::size_t{hi} * size, size);
    std::memcpy(p + std::size_t{hi} * size, tmp, size);
  }
}

Value ta_reverse(VM& vm, CallInfo& ci) {
  TypedArrayObject* ta = validate(vm, ci.this_value, "%TypedArray%.prototype.reverse");
  reverse_elements(ta->bytes(), ta->length, ta->element_bytes());
  return ci.this_value;
}

Value ta_to_reversed(VM& vm, CallInfo& ci) {
  TypedArrayObject* ta = validate(vm, ci.this_value, "%TypedArray%.prototype.toReversed");
  Rooted ro(vm, ci.this_value);
  TypedArrayObject* out = create_same_type(vm, ta, ta->length);
  ta = as_typed_array(ro.get());
  std::memcpy(out->bytes(), ta->bytes(), std::size_t{ta->length} * ta->element_bytes());
  reverse_elements(out->bytes(), out->length, out->element_bytes());
  return Value::object(out);
}

// SetTypedArrayFromTypedArray (23.2.3.26.1).
void set_from_typed_array(VM& vm, TypedArrayObject* target, double offset, TypedArrayObject* src) {
  if (target->is_detached())
    vm.throw_type_error("Cannot perform %TypedArray%.prototype.set on a detached ArrayBuffer");
  if (src->is_detached())
    vm.throw_type_error("Cannot perform %TypedArray%.prototype.set from a detached ArrayBuffer");
  double target_len = target->length;
  double src_len = src->length;
  if (offset == INFINITY || src_len + offset > target_len)
    vm.throw_range_error("offset is out of bounds");
  auto off = static_cast<std::size_t>(offset);
  std::uint32_t n = src->length;
  std::uint8_t* dst = target->bytes() + off * target->element_bytes();
  check_content_type(vm, src->kind, target->kind);
  if (src->kind == target->kind || is_bigint_kind(src->kind)) {  // BigInt kinds: the same 8 bytes
    std::memmove(dst, src->bytes(), std::size_t{n} * src->element_bytes());
    return;
  }
  // Different types: read from a copy when both share the buffer.
  std::vector<std::uint8_t> copy;
  const std::uint8_t* from = src->bytes();
  if (src->buffer == target->buffer) {
    copy.assign(from, from + std::size_t{n} * src->element_bytes());
    from = copy.data();
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    Value v = load_element(src->kind, from + std::size_t{i} * src->element_bytes());
    std::uint8_t* p = dst + std::size_t{i} * target->element_bytes();
    if (v.is_int32()) {
      store_element_int(target->kind, p, v.as_int32());
    } else {
      store_element(target->kind, p, v.as_double());
    }
  }
}

Value ta_set(VM& vm, CallInfo& ci) {
  this_typed_array(vm, ci.this_value, "%TypedArray%.prototype.set");
  Rooted ro(vm, ci.this_value);
  Rooted src(vm, ci.arg(0));
  double offset = vm.to_integer_or_infinity(ci.arg(1));
  if (offset < 0) vm.throw_range_error("offset is out of bounds");
  if (is_typed_array(src.get())) {
    set_from_typed_array(vm, as_typed_array(ro.get()), offset, as_typed_array(src.get()));
    return Value::undefined();
  }
  // SetTypedArrayFromArrayLike (23.2.3.26.2).
  if (as_typed_array(ro.get())->is_detached()) {
    vm.throw_type_error("Cannot perform %TypedArray%.prototype.set on a detached ArrayBuffer");
  }
  double target_len = as_typed_array(ro.get())->length;
  src.set(Value::object(vm.to_object(src.get())));
  double src_len = vm.to_length_u32(vm.get(src.object(), PropertyKey::atom(vm.atoms().length)));
  if (offset == INFINITY || src_len + offset > target_len)
    vm.throw_range_error("offset is out of bounds");
  Object* so = src.object();
  TypedArrayObject* ta = as_typed_array(ro.get());
  auto n = static_cast<std::uint32_t>(src_len);
  auto off = static_cast<std::uint32_t>(offset);
  if (!is_bigint_kind(ta->kind) && so->is_array() && !so->has_sparse() &&
      so->element_count() >= n) {
    // Dense numbers: no user code can run, so the bytes are written at once.
    std::uint32_t k = 0;
    for (; k < n && so->elements()[k].is_number(); ++k)
      store_number(ta, off + k, so->elements()[k]);
    if (k == n) return Value::undefined();
  }
  for (std::uint32_t k = 0; k < n; ++k) {
    Value v = vm.get(src.object(), PropertyKey::index(k));
    vm.typed_array_set(as_typed_array(ro.get()), off + k, v);
  }
  return Value::undefined();
}

Value ta_slice(VM& vm, CallInfo& ci) {
  TypedArrayObject* ta = validate(vm, ci.this_value, "%TypedArray%.prototype.slice");
  Rooted ro(vm, ci.this_value);
  double len = ta->length;
  double k = relative_index(vm, ci.arg(0), len, 0);
  double final = relative_index(vm, ci.arg(1), len, len);
  double count = std::max(final - k, 0.0);
  TypedArrayObject* a = species_create(vm, ta, count, "%TypedArray%.prototype.slice");
  Rooted ra(vm, Value::object(a));
  if (count > 0) {
    ta = as_typed_array(ro.get());
    if (ta->is_detached())
      vm.throw_type_error("Cannot perform %TypedArray%.prototype.slice on a detached ArrayBuffer");
    if (a->kind == ta->kind) {
      // Byte by byte, front to back, as the spec copies (a view on the same
      // buffer sees its own writes).
      std::size_t size = ta->element_bytes();
      const std::uint8_t* from = ta->bytes() + static_cast<std::size_t>(k) * size;
      std::uint8_t* to = a->bytes();
      std::size_t limit =
          std::min(static_cast<std::size_t>(count) * size, std::size_t{a->length} * size);
      for (std::size_t i = 0; i < limit; ++i) to[i] = from[i];
    } else {
      for (std::uint32_t n = 0; k < final; ++k, ++n) {
        Value v = vm.typed_array_get(as_typed_array(ro.get()), k);
        vm.typed_array_set(as_typed_array(ra.get()), n, v);
      }
    }
  }
  return ra.get();
}

// SortCompare for typed arrays (23.2.3.29.1) without a comparator: numeric,
// -0 before +0, NaN last.
bool default_less(double x, double y) {
  if (std::isnan(x)) return false;
  if (std::isnan(y)) return true;
  if (x < y) return true;
  if (x > y) return false;
  return std::signbit(x) && !std::signbit(y);
}

// The elements of `ta` as their raw bytes (one uint64 each), sorted by
// `cmp` (undefined: numeric order). Sorting moves the bytes; nothing is
// converted, so writing them back is the Set the spec does.
std::vector<std::uint64_t> sorted_values(VM& vm, TypedArrayObject* ta, Value cmp) {
  ElementKind kind = ta->kind;
  std::uint32_t size = ta->element_bytes();
  std::vector<std::uint64_t> values(ta->length, 0);
  for (std::uint32_t i = 0; i < ta->length; ++i) {
    std::memcpy(&values[i], ta->bytes() + std::size_t{i} * size, size);
  }
  auto bytes = [](const std::uint64_t& v) { return reinterpret_cast<const std::uint8_t*>(&v); };
  if (cmp.is_undefined()) {
    if (kind == ElementKind::kBigInt64) {
      std::stable_sort(values.begin(), values.end(), [](std::uint64_t a, std::uint64_t b) {
        return static_cast<std::int64_t>(a) < static_cast<std::int64_t>(b);
      });
    } else if (kind == ElementKind::kBigUint64) {
      std::stable_sort(values.begin(), values.end());
    } else {
      std::stable_sort(values.begin(), values.end(),
                       [&](const std::uint64_t& a, const std::uint64_t& b) {
                         return default_less(load_element(kind, bytes(a)).as_number(),
                                             load_element(kind, bytes(b)).as_number());
                       });
    }
    return values;
  }
  Rooted rc(vm, cmp);
  auto less = [&](const std::uint64_t& a, const std::uint64_t& b) {
    Rooted x(vm, vm.typed_array_load(kind, bytes(a)));
    Rooted y(vm, vm.typed_array_load(kind, bytes(b)));
    Value args[2] = {x.get(), y.get()};
    double d = vm.to_number(vm.call(rc.get(), Value::undefined(), args));
    return d < 0;
  };
  // Bottom-up merge sort: stable whatever the comparator returns.
  std::size_t n = values.size();
  std::vector<std::uint64_t> tmp(n);
  for (std::size_t width = 1; width < n; width *= 2) {
    for (std::size_t lo = 0; lo < n; lo += 2 * width) {
      std::size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
      std::size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) tmp[k++] = less(values[j], values[i]) ? values[j++] : values[i++];
      while (i < mid) tmp[k++] = values[i++];
      while (j < hi) tmp[k++] = values[j++];
    }
    values.swap(tmp);
  }
  return values;
}

// Writes sorted elements back, as far as the (possibly detached) array reaches.
void write_sorted(Value target, const std::vector<std::uint64_t>& values) {
  TypedArrayObject* ta = as_typed_array(target);
  std::uint32_t size = ta->element_bytes();
  std::size_t n = std::min<std::size_t>(values.size(), ta->live_length());
  for (std::size_t i = 0; i < n; ++i) std::memcpy(ta->bytes() + i * size, &values[i], size);
}

Value ta_sort(VM& vm, CallInfo& ci) {
  Value cmp = comparefn_arg(vm, ci);
  TypedArrayObject* ta = validate(vm, ci.this_value, "%TypedArray%.prototype.sort");
  Rooted ro(vm, ci.this_value);
  std::vector<std::uint64_t> values = sorted_values(vm, ta, cmp);
  write_sorted(ro.get(), values);
  return ro.get();
}

Value ta_to_sorted(VM& vm, CallInfo& ci) {
  Value cmp = comparefn_arg(vm, ci);
  TypedArrayObject* ta = validate(vm, ci.this_value, "%TypedArray%.prototype.toSorted");
  Rooted ro(vm, ci.this_value);
  Rooted rc(vm, cmp);
  Rooted out(vm, Value::object(create_same_type(vm, ta, ta->length)));
  std::vector<std::uint64_t> values = sorted_values(vm, as_typed_array(ro.get()), rc.get());
  write_sorted(out.get(), values);
  return out.get();
}

Value ta_with(VM& vm, CallInfo& ci) {
  TypedArrayObject* ta = validate(vm, ci.this_value, "%TypedArray%.prototype.with");
  Rooted ro(vm, ci.this_value);
  double len = ta->length;
  double rel = vm.to_integer_or_infinity(ci.arg(0));
  double index = rel >= 0 ? rel : len + rel;
  Rooted value(vm, vm.to_element_value(ta->kind, ci.arg(1)));
  if (!is_valid_integer_index(as_typed_array(ro.get()), index)) {
    vm.throw_range_error("Invalid typed array index");
  }
  TypedArrayObject* out =
      create_same_type(vm, as_typed_array(ro.get()), static_cast<std::uint32_t>(len));
  ta = as_typed_array(ro.get());
  std::size_t size = ta->element_bytes();
  std::memcpy(out->bytes(), ta->bytes(),
              std::min<std::size_t>(ta->live_length(), out->length) * size);
  vm.typed_array_store(out->kind, out->bytes() + static_cast<std::size_t>(index) * size,
                       value.get());
  return Value::object(out);
}

Value ta_subarray(VM& vm, CallInfo& ci) {
  TypedArrayObject* ta = this_typed_array(vm, ci.this_value, "%TypedArray%.prototype.subarray");
  Rooted ro(vm, ci.this_value);
  double len = ta->length;
  double begin = relative_index(vm, ci.arg(0), len, 0);
  double end = relative_index(vm, ci.arg(1), len, len);
  ta = as_typed_array(ro.get());
  double new_len = std::max(end - begin, 0.0);
  Value args[3] = {
      Value::object(ta->buffer),
      Value::number(static_cast<double>(ta->byte_offset) + begin * ta->element_bytes()),
      Value::number(new_len)};
  return Value::object(species_create(vm, ta, args, "%TypedArray%.prototype.subarray"));
}

}  // namespace

void install_typed_arrays(VM& vm, Object* global) {
  Intrinsics& in = vm.intrinsics();
  Rooted rg(vm, Value::object(global));

  // %TypedArray% and %TypedArray.prototype% (23.2.1-3).
  in.typed_array_prototype = vm.new_object_with_proto(in.object_prototype);
  Object* tp = in.typed_array_prototype;
  NativeFunction* abstract = vm.new_native(abstract_ctor, vm.intern("TypedArray"), 0, true);
  Rooted ra(vm, Value::object(abstract));
  in.typed_array_constructor = abstract;
  vm.define_own_property(abstract, PropertyKey::atom(vm.atoms().prototype), Value::object(tp), 0);
  vm.define_own_property(tp, PropertyKey::atom(vm.atoms().constructor), Value::object(abstract),
                         attr::kHidden);
  vm.define_native(abstract, "from", typed_array_from, 1);
  vm.define_native(abstract, "of", typed_array_of, 0);
  vm.define_getter(abstract, PropertyKey::symbol(in.symbol_species), "[Symbol.species]",
                   species_getter);

  vm.define_getter(tp, vm.key("buffer"), "buffer", ta_buffer);
  vm.define_getter(tp, vm.key("byteLength"), "byteLength", ta_byte_length);
  vm.define_getter(tp, vm.key("byteOffset"), "byteOffset", ta_byte_offset);
  vm.define_getter(tp, PropertyKey::atom(vm.atoms().length), "length", ta_length);
  static constexpr struct {
    const char* name;
    NativeFn fn;
    std::uint32_t length;
  } kMethods[] = {
      {"at", ta_at, 1},
      {"copyWithin", ta_copy_within, 2},
      {"entries", ta_entries, 0},
      {"every", ta_every, 1},
      {"fill", ta_fill, 1},
      {"filter", ta_filter, 1},
      {"find", ta_find, 1},
      {"findIndex", ta_find_index, 1},
      {"findLast", ta_find_last, 1},
      {"findLastIndex", ta_find_last_index, 1},
      {"forEach", ta_for_each, 1},
      {"includes", ta_includes, 1},
      {"indexOf", ta_index_of, 1},
      {"join", ta_join, 1},
      {"keys", ta_keys, 0},
      {"lastIndexOf", ta_last_index_of, 1},
      {"map", ta_map, 1},
      {"reduce", ta_reduce, 1},
      {"reduceRight", ta_reduce_right, 1},
      {"reverse", ta_reverse, 0},
      {"set", ta_set, 1},
      {"slice", ta_slice, 2},
      {"some", ta_some, 1},
      {"sort", ta_sort, 1},
      {"subarray", ta_subarray, 2},
      {"toLocaleString", ta_to_locale_string, 0},
      {"toReversed", ta_to_reversed, 0},
      {"toSorted", ta_to_sorted, 1},
      {"with", ta_with, 2},
  };
  for (const auto& m : kMethods) vm.define_native(tp, m.name, m.fn, m.length);
  // values and @@iterator are one function; toString is Array.prototype's.
  NativeFunction* values = vm.define_native(tp, "values", ta_values, 0);
  vm.define_own_property(tp, PropertyKey::symbol(in.symbol_iterator), Value::object(values),
                         attr::kHidden);
  Value array_to_string = vm.get(in.array_prototype, PropertyKey::atom(vm.atoms().toString));
  vm.define_own_property(tp, PropertyKey::atom(vm.atoms().toString), array_to_string,
                         attr::kHidden);
  vm.define_getter(
      tp, PropertyKey::symbol(in.symbol_to_string_tag), "[Symbol.toStringTag]",
      [](VM& vm, CallInfo& ci) -> Value {
        if (!is_typed_array(ci.this_value)) return Value::undefined();
        return Value::string(vm.intern(element_kind_name(as_typed_array(ci.this_value)->kind)));
      });

  // The nine constructors (23.2.6-7).
  for (int i = 0; i < kElementKindCount; ++i) {
    auto kind = static_cast<ElementKind>(i);
    Object* proto = vm.new_object_with_proto(tp);
    in.typed_array_prototypes[i] = proto;
    NativeFunction* ctor =
        make_constructor(vm, rg.object(), element_kind_name(kind), typed_array_ctor, 3, proto);
    in.typed_array_constructors[i] = ctor;
    ctor->data = Value::int32(i);
    vm.set_prototype(ctor, ra.object());
    Value bytes = Value::int32(static_cast<std::int32_t>(element_size(kind)));
    vm.define_value(ctor, "BYTES_PER_ELEMENT", bytes, 0);
    vm.define_value(in.typed_array_prototypes[i], "BYTES_PER_ELEMENT", bytes, 0);
  }
}

}  // namespace kite::vm::builtins
