// Objects: storage, property lookup and update (ECMA-262 10.1 ordinary
// object internal methods), elements, dictionary mode.
#include "objects/object.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "objects/accessor_pair.h"
#include "objects/call_info.h"
#include "objects/environment.h"
#include "objects/function.h"
#include "objects/ordered_table.h"
#include "objects/property_map.h"
#include "objects/proxy.h"
#include "objects/shape.h"
#include "objects/string.h"
#include "objects/symbol.h"
#include "objects/typed_array.h"
#include "vm/modules.h"
#include "vm/vm.h"

namespace kite::vm {

// ---- Object storage ----

Object::Object(Shape* shape, Value* inline_slots, std::uint32_t inline_cap, ObjectClass klass)
    : shape_(shape),
      slots_(inline_slots),
      slot_cap_(inline_cap),
      klass_(klass),
      slots_inline_(true) {
  for (std::uint32_t i = 0; i < inline_cap; ++i) inline_slots[i] = Value::undefined();
}

Object* Object::proto() const {
  return shape_->proto();
}

ObjectExtra& Object::ensure_extra() {
  if (extra_ == nullptr) extra_ = new ObjectExtra();
  return *extra_;
}

// A weak collection: everything but its weak contents is traced now; the
// heap comes back to it once the rest is marked (Heap::process_weak).
void Object::trace_weak(Heap& heap) {
  heap.mark(shape_);
  if (!shape_->is_dictionary()) {
    std::uint32_t n = shape_->property_count();
    for (std::uint32_t i = 0; i < n; ++i) heap.mark(slots_[i]);
  }
  if (extra_ != nullptr) {
    if (extra_->dict != nullptr) extra_->dict->trace(heap);
    if (extra_->child_root != nullptr) heap.mark(extra_->child_root);
    if (extra_->child_dict != nullptr) heap.mark(extra_->child_dict);
    if (extra_->cells != nullptr) {
      for (const WeakCell& c : *extra_->cells) heap.mark(c.held);
    }
  }
  if (klass_ == ObjectClass::kFinalizationRegistry) heap.mark(internal_);  // the callback
  heap.add_weak(this);
}

void Object::free_storage(Heap& heap) {
  if (!slots_inline_) {
    heap.remove_external(slot_cap_ * sizeof(Value));
    std::free(slots_);
  }
  if (elements_ != nullptr && !elements_inline_) {
    heap.remove_external(elem_cap_ * sizeof(Value));
    std::free(elements_);
  }
  if (klass_ == ObjectClass::kArrayBuffer) {
    auto* ab = static_cast<ArrayBufferObject*>(this);
    if (ab->data != nullptr) {
      heap.remove_external(ab->byte_length);
      std::free(ab->data);
      ab->data = nullptr;
    }
  }
  if (extra_ != nullptr) {
    delete extra_->dict;
    delete extra_->sparse;
    delete extra_->table;
    delete extra_->cells;
    delete extra_;
  }
}

void Object::trace(Heap& heap) {
  if (klass_ >= ObjectClass::kWeakMap && klass_ <= ObjectClass::kFinalizationRegistry) {
    trace_weak(heap);
    return;
  }
  heap.mark(shape_);
  if (!shape_->is_dictionary()) {
    std::uint32_t n = shape_->property_count();
    for (std::uint32_t i = 0; i < n; ++i) heap.mark(slots_[i]);
  }
  for (std::uint32_t i = 0; i < elem_len_; ++i) heap.mark(elements_[i]);
  heap.mark(internal_);
  if (extra_ != nullptr) {
    if (extra_->dict != nullptr) extra_->dict->trace(heap);
    if (extra_->sparse != nullptr) {
      for (auto& [i, p] : *extra_->sparse) heap.mark(p.value);
    }
    if (extra_->child_root != nullptr) heap.mark(extra_->child_root);
    if (extra_->child_dict != nullptr) heap.mark(extra_->child_dict);
    if (extra_->table != nullptr) extra_->table->trace(heap);
  }
  switch (klass_) {
    case ObjectClass::kFunction: {
      auto* f = static_cast<JSFunction*>(this);
      heap.mark(reinterpret_cast<Cell*>(f->tmpl));
      heap.mark(reinterpret_cast<Cell*>(f->env));
      heap.mark(f->home_object);
      heap.mark(f->fields);
      break;
    }
    case ObjectClass::kNativeFunction:
      heap.mark(static_cast<NativeFunction*>(this)->data);
      break;
    case ObjectClass::kBoundFunction: {
      auto* b = static_cast<BoundFunction*>(this);
      heap.mark(b->target);
      heap.mark(b->bound_this);
      for (Value v : b->args) heap.mark(v);
      break;
    }
    case ObjectClass::kTypedArray:
      heap.mark(static_cast<TypedArrayObject*>(this)->buffer);
      break;
    case ObjectClass::kArrayIterator:
    case ObjectClass::kStringIterator:
    case ObjectClass::kMapIterator:
    case ObjectClass::kSetIterator:
    case ObjectClass::kRegExpStringIterator:
      heap.mark(static_cast<IteratorObject*>(this)->state[0]);
      heap.mark(static_cast<IteratorObject*>(this)->state[1]);
      break;
    case ObjectClass::kProxy:
    case ObjectClass::kCallableProxy:
      heap.mark(static_cast<ProxyObject*>(this)->target);
      heap.mark(static_cast<ProxyObject*>(this)->handler);
      break;
    case ObjectClass::kDataView:
      heap.mark(static_cast<DataViewObject*>(this)->buffer);
      break;
    default:
      break;
  }
}

void AccessorPair::heap_mark(Heap& heap, Value v) {
  heap.mark(v);
}

void Environment::trace(Heap& heap) {
  heap.mark(reinterpret_cast<Cell*>(parent));
  for (std::uint32_t i = 0; i < size; ++i) heap.mark(slots[i]);
}

// ---- allocation ----

namespace {
template <typename T, typename... Args>
T* alloc_object(VM& vm, Shape* shape, std::uint32_t inline_cap, Args&&... args) {
  Rooted keep(vm, Value::cell(shape));
  std::size_t extra = inline_cap * sizeof(Value);
  T* o =
      vm.heap().make<T>(CellKind::kObject, extra, shape, nullptr, 0, std::forward<Args>(args)...);
  Value* inline_slots = reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + sizeof(T));
  for (std::uint32_t i = 0; i < inline_cap; ++i) inline_slots[i] = Value::undefined();
  o->reset_slots(inline_slots, inline_cap);
  return o;
}
}  // namespace

Shape* VM::root_shape_for(Object* proto) {
  if (proto == nullptr) {
    static_assert(true);
  }
  ObjectExtra* ex = proto != nullptr ? proto->extra() : nullptr;
  if (ex != nullptr && ex->child_root != nullptr) return ex->child_root;
  if (proto == nullptr) {
    // Objects with a null prototype share one root, kept in persistent roots.
    if (null_root_shape_ == nullptr) {
      null_root_shape_ = heap_.make<Shape>(CellKind::kShape, 0, nullptr, nullptr, PropertyKey(),
                                           std::uint8_t{0}, false);
    }
    return null_root_shape_;
  }
  Rooted keep(*this, Value::object(proto));
  Shape* s =
      heap_.make<Shape>(CellKind::kShape, 0, nullptr, proto, PropertyKey(), std::uint8_t{0}, false);
  keep.object()->ensure_extra().child_root = s;
  return s;
}

Shape* VM::dictionary_shape_for(Object* proto) {
  if (proto == nullptr) {
    if (null_dict_shape_ == nullptr) {
      null_dict_shape_ = heap_.make<Shape>(CellKind::kShape, 0, nullptr, nullptr, PropertyKey(),
                                           std::uint8_t{0}, true);
    }
    return null_dict_shape_;
  }
  ObjectExtra& ex = proto->ensure_extra();
  if (ex.child_dict != nullptr) return ex.child_dict;
  Rooted keep(*this, Value::object(proto));
  Shape* s =
      heap_.make<Shape>(CellKind::kShape, 0, nullptr, proto, PropertyKey(), std::uint8_t{0}, true);
  keep.object()->ensure_extra().child_dict = s;
  return s;
}

Object* VM::new_object_of_class(ObjectClass klass, Object* proto, std::uint32_t inline_slots) {
  Rooted keep(*this, proto != nullptr ? Value::object(proto) : Value::null());
  Shape* shape = root_shape_for(proto);
  return alloc_object<Object>(*this, shape, inline_slots, klass);
}

Object* VM::new_object_with_shape(Shape* shape) {
  std::uint32_t slots = std::max<std::uint32_t>(shape->property_count(), 4);
  return alloc_object<Object>(*this, shape, slots, ObjectClass::kPlain);
}

Object* VM::new_object() {
  return alloc_object<Object>(*this, intrinsics_.empty_object_shape, 4, ObjectClass::kPlain);
}

Object* VM::new_object_with_proto(Object* proto) {
  return new_object_of_class(ObjectClass::kPlain, proto, 4);
}

ArrayBufferObject* VM::new_array_buffer(Object* proto, std::size_t byte_length) {
  if (byte_length > kMaxByteLength) throw_range_error("Array buffer allocation failed");
  Rooted keep(*this, Value::object(proto));
  heap_.check_limit_for(byte_length);
  std::uint8_t* data = nullptr;
  if (byte_length != 0) {
    data = static_cast<std::uint8_t*>(std::calloc(byte_length, 1));
    if (data == nullptr) throw_range_error("Array buffer allocation failed");
  }
  Shape* shape = root_shape_for(keep.object());
  ArrayBufferObject* ab;
  try {
    ab = alloc_object<ArrayBufferObject>(*this, shape, 0);
  } catch (...) {
    std::free(data);
    throw;
  }
  ab->data = data;
  ab->byte_length = byte_length;
  heap_.add_external(byte_length);
  return ab;
}

TypedArrayObject* VM::new_typed_array(Object* proto, ElementKind kind, ArrayBufferObject* buffer,
                                      std::size_t byte_offset, std::uint32_t length) {
  Rooted keep(*this, Value::object(proto));
  Rooted rb(*this, Value::object(buffer));
  Shape* shape = root_shape_for(keep.object());
  auto* ta = alloc_object<TypedArrayObject>(*this, shape, 0);
  ta->buffer = static_cast<ArrayBufferObject*>(rb.object());
  ta->byte_offset = byte_offset;
  ta->length = length;
  ta->kind = kind;
  return ta;
}

IteratorObject* VM::new_iterator_object(ObjectClass klass, Object* proto) {
  Rooted keep(*this, Value::object(proto));
  Shape* shape = root_shape_for(proto);
  return alloc_object<IteratorObject>(*this, shape, 0, klass);
}

ModuleNamespaceObject* VM::new_module_namespace(ModuleRecord* module) {
  Shape* shape = dictionary_shape_for(nullptr);
  auto* ns = alloc_object<ModuleNamespaceObject>(*this, shape, 0);
  ns->ensure_extra().dict = new PropertyMap();
  ns->module = module;
  Rooted rn(*this, Value::object(ns));
  Value tag = Value::string(intern("Module"));
  add_property(ns, PropertyKey::symbol(intrinsics_.symbol_to_string_tag), tag, 0);
  return static_cast<ModuleNamespaceObject*>(rn.object());
}

ProxyObject* VM::new_proxy(Value target, Value handler) {
  Rooted rt(*this, target);
  Rooted rh(*this, handler);
  Shape* shape = dictionary_shape_for(nullptr);
  bool callable = target.as_object()->is_callable();
  auto* p = alloc_object<ProxyObject>(*this, shape, 0,
                                      callable ? ObjectClass::kCallableProxy : ObjectClass::kProxy);
  p->ensure_extra().dict = new PropertyMap();
  p->target = rt.get();
  p->handler = rh.get();
  p->is_constructor = is_constructor(rt.get());
  return p;
}

DataViewObject* VM::new_data_view(Object* proto, ArrayBufferObject* buffer, std::size_t byte_offset,
                                  std::size_t byte_length) {
  Rooted keep(*this, Value::object(proto));
  Rooted rb(*this, Value::object(buffer));
  Shape* shape = root_shape_for(keep.object());
  auto* dv = alloc_object<DataViewObject>(*this, shape, 0);
  dv->buffer = static_cast<ArrayBufferObject*>(rb.object());
  dv->byte_offset = byte_offset;
  dv->byte_length = byte_length;
  return dv;
}

namespace {
// Arrays start with room for this many elements inside their cell, or for
// their requested capacity up to kMaxInlineElements: the short arrays of
// split(), JSON.parse and Object.keys need no malloc'd element buffer
// (js/queryParsing, js/httpHandlerHeavy).
constexpr std::uint32_t kMinInlineElements = 4;
constexpr std::uint32_t kMaxInlineElements = 16;
}  // namespace

Object* VM::new_array(std::uint32_t capacity) {
  std::uint32_t inline_cap =
      capacity <= kMaxInlineElements ? std::max(capacity, kMinInlineElements) : 0;
  Object* a = heap_.make<Object>(CellKind::kObject, inline_cap * sizeof(Value),
                                 intrinsics_.array_shape, nullptr, 0, ObjectClass::kArray);
  if (inline_cap > 0) {
    a->elements_ = reinterpret_cast<Value*>(reinterpret_cast<char*>(a) + sizeof(Object));
    a->elem_cap_ = inline_cap;
    a->elements_inline_ = true;
    return a;
  }
  Rooted keep(*this, Value::object(a));
  ensure_elements(a, capacity);
  return a;
}

Object* VM::new_array_from(std::span<const Value> values) {
  Object* a = new_array(static_cast<std::uint32_t>(values.size()));
  for (std::size_t i = 0; i < values.size(); ++i) a->elements_[i] = values[i];
  a->elem_len_ = static_cast<std::uint32_t>(values.size());
  return a;
}

JSFunction* VM::new_closure(FunctionTemplate* tmpl, Environment* env) {
  bool generator = tmpl->has(FunctionTemplate::kGenerator);
  bool is_async = tmpl->has(FunctionTemplate::kAsync);
  bool has_proto =
      generator ||
      (!is_async && !tmpl->has(FunctionTemplate::kArrow) && !tmpl->has(FunctionTemplate::kMethod) &&
       !tmpl->has(FunctionTemplate::kGetter) && !tmpl->has(FunctionTemplate::kSetter));
  Rooted rt(*this, Value::cell(tmpl));
  Rooted re(*this, env != nullptr ? Value::cell(env) : Value::undefined());
  Shape* shape = generator && is_async ? intrinsics_.async_generator_function_shape
                 : generator           ? intrinsics_.generator_function_shape
                 : is_async            ? intrinsics_.async_function_shape
                 : has_proto           ? intrinsics_.function_shape
                                       : intrinsics_.method_shape;
  JSFunction* f = alloc_object<JSFunction>(*this, shape, 3, tmpl, env);
  f->slots_[0] = Value::number(tmpl->length);
  f->slots_[1] = tmpl->name.is_string() ? tmpl->name : Value::string(atoms_.empty);
  if (has_proto) {
    Rooted rf(*this, Value::object(f));
    if (tmpl->has(FunctionTemplate::kClassConstructor)) {
      // The class machinery installs `prototype` itself.
      rf.object()->slots_[2] = Value::undefined();
    } else if (generator) {
      // 15.5.4: a generator's prototype inherits %GeneratorPrototype%, and
      // has no `constructor`.
      rf.object()->slots_[2] = Value::object(new_object_with_proto(
          is_async ? intrinsics_.async_generator_prototype : intrinsics_.generator_prototype));
    } else {
      Object* proto = new_object();
      Rooted rp(*this, Value::object(proto));
      add_property(proto, PropertyKey::atom(atoms_.constructor), rf.get(), attr::kHidden);
      rf.object()->slots_[2] = rp.get();
    }
    f = static_cast<JSFunction*>(rf.object());
  }
  return f;
}

NativeFunction* VM::new_native(NativeFn fn, String* name, std::uint32_t length, bool constructor) {
  Rooted rn(*this, Value::string(name));
  NativeFunction* f = alloc_object<NativeFunction>(*this, intrinsics_.method_shape, 2, fn);
  f->slots_[0] = Value::number(length);
  f->slots_[1] = rn.get();
  f->is_constructor = constructor;
  return f;
}

Object* VM::new_bound_function() {
  return alloc_object<BoundFunction>(*this, intrinsics_.method_shape, 2);
}

Environment* VM::new_environment(Environment* parent, std::uint32_t size) {
  Rooted rp(*this, parent != nullptr ? Value::cell(parent) : Value::undefined());
  std::size_t extra = size > 0 ? (size - 1) * sizeof(Value) : 0;
  Environment* e = heap_.make<Environment>(CellKind::kEnvironment, extra, parent, size);
  for (std::uint32_t i = 0; i < size; ++i) e->slots[i] = Value::hole();
  return e;
}

FunctionTemplate* VM::new_function_template() {
  return heap_.make<FunctionTemplate>(CellKind::kFunctionTemplate, 0);
}

Symbol* VM::new_symbol(Value description) {
  Rooted rd(*this, description);
  return heap_.make<Symbol>(CellKind::kSymbol, 0, rd.get());
}

AccessorPair* VM::new_accessor(Value getter, Value setter) {
  Rooted rg(*this, getter);
  Rooted rs(*this, setter);
  AccessorPair* p = heap_.make<AccessorPair>(CellKind::kAccessorPair, 0);
  p->getter = rg.get();
  p->setter = rs.get();
  return p;
}

// Built-in set-up defines each name once on an object it has just made: a
// new data property is appended directly instead of going through
// [[DefineOwnProperty]], whose lookup would build a property table for every
// intermediate shape (quadratic in an object's property count; it was half
// of the engine's start-up instructions).
void VM::define_builtin_property(Object* obj, PropertyKey key, Value v, std::uint8_t attrs) {
  bool exotic = key.is_index() || (obj->klass_ == ObjectClass::kArray && key.is_atom() &&
                                   key.as_atom() == atoms_.length);
  if (!exotic && obj->is_extensible() && !obj->shape_->is_dictionary() &&
      !obj->shape_->has_key(key)) {
    add_property(obj, key, v, attrs);
    return;
  }
  define_own_property(obj, key, v, attrs);
}

NativeFunction* VM::define_native(Object* target, std::string_view name, NativeFn fn,
                                  std::uint32_t length) {
  return define_native(target, key(name), name, fn, length);
}

NativeFunction* VM::define_native(Object* target, PropertyKey key, std::string_view name,
                                  NativeFn fn, std::uint32_t length) {
  Rooted rt(*this, Value::object(target));
  // The key's atom may be new (an embedder's name): keep it while allocating.
  Rooted rk(*this, key.is_atom() ? Value::string(key.as_atom()) : Value::undefined());
  NativeFunction* f = new_native(fn, intern(name), length);
  Rooted rf(*this, Value::object(f));
  define_builtin_property(rt.object(), key, rf.get(), attr::kHidden);
  return static_cast<NativeFunction*>(rf.object());
}

void VM::define_value(Object* target, std::string_view name, Value v, std::uint8_t attrs) {
  Rooted rt(*this, Value::object(target));
  Rooted rv(*this, v);
  PropertyKey k = key(name);
  // A new atom lives only as long as something references it.
  Rooted rk(*this, Value::string(k.as_atom()));
  define_builtin_property(rt.object(), k, rv.get(), attrs);
}

void VM::define_getter(Object* target, PropertyKey k, std::string_view name, NativeFn fn) {
  Rooted rt(*this, Value::object(target));
  std::string full = "get ";
  full += name;
  NativeFunction* f = new_native(fn, intern(full), 0);
  Rooted rf(*this, Value::object(f));
  define_own_property(rt.object(), k, Value::undefined(), attr::kConfigurable, true, rf.get(),
                      Value::undefined());
}

// ---- slots and elements ----

void Object::reset_slots(Value* inline_slots, std::uint32_t cap) {
  slots_ = inline_slots;
  slot_cap_ = cap;
  slots_inline_ = true;
}

void VM::add_property(Object* obj, PropertyKey key, Value v, std::uint8_t attrs) {
  if (obj->shape_->is_dictionary()) {
    obj->extra_->dict->set(key, Property{v, attrs});
    return;
  }
  Rooted ro(*this, Value::object(obj));
  Rooted rv(*this, v);
  Shape* next = obj->shape_->add(*this, key, attrs);
  obj = ro.object();
  if (next == nullptr) {
    make_dictionary(obj);
    obj->extra_->dict->set(key, Property{rv.get(), attrs});
    return;
  }
  std::uint32_t slot = next->property_count() - 1;
  if (slot >= obj->slot_cap_) {
    std::uint32_t cap = std::max<std::uint32_t>(obj->slot_cap_ * 2, 8);
    heap_.check_limit_for(cap * sizeof(Value));
    auto* mem = static_cast<Value*>(std::malloc(cap * sizeof(Value)));
    if (mem == nullptr) throw std::bad_alloc();
    std::copy(obj->slots_, obj->slots_ + obj->slot_cap_, mem);
    for (std::uint32_t i = obj->slot_cap_; i < cap; ++i) mem[i] = Value::undefined();
    if (!obj->slots_inline_) {
      heap_.remove_external(obj->slot_cap_ * sizeof(Value));
      std::free(obj->slots_);
    }
    heap_.add_external(cap * sizeof(Value));
    obj->slots_ = mem;
    obj->slot_cap_ = cap;
    obj->slots_inline_ = false;
  }
  obj->slots_[slot] = rv.get();
  obj->shape_ = next;
}

void VM::make_dictionary(Object* obj) {
  if (obj->shape_->is_dictionary()) return;
  Rooted ro(*this, Value::object(obj));
  Shape* dict_shape = dictionary_shape_for(obj->shape_->proto());
  obj = ro.object();
  auto* map = new PropertyMap();
  const auto& entries = obj->shape_->entries();
  for (std::uint32_t i = 0; i < entries.size(); ++i) {
    map->set(entries[i].key, Property{obj->slots_[i], entries[i].attrs});
  }
  obj->ensure_extra().dict = map;
  obj->shape_ = dict_shape;
}

void VM::ensure_elements(Object* obj, std::uint32_t capacity) {
  if (capacity <= obj->elem_cap_) return;
  std::uint32_t cap = std::max<std::uint32_t>(capacity, obj->elem_cap_ + obj->elem_cap_ / 2);
  cap = std::max<std::uint32_t>(cap, 4);
  std::size_t grow = static_cast<std::size_t>(cap - obj->elem_cap_) * sizeof(Value);
  if (obj->elements_inline_) grow = static_cast<std::size_t>(cap) * sizeof(Value);
  {
    Rooted ro(*this, Value::object(obj));
    heap_.check_limit_for(grow);
  }
  Value* mem;
  if (obj->elements_inline_) {
    mem = static_cast<Value*>(std::malloc(cap * sizeof(Value)));
    if (mem == nullptr) throw std::bad_alloc();
    std::copy(obj->elements_, obj->elements_ + obj->elem_len_, mem);
    obj->elements_inline_ = false;
  } else {
    mem = static_cast<Value*>(std::realloc(obj->elements_, cap * sizeof(Value)));
    if (mem == nullptr) throw std::bad_alloc();
  }
  heap_.add_external(grow);
  obj->elements_ = mem;
  obj->elem_cap_ = cap;
}

void VM::array_push(Object* arr, Value v) {
  if (!arr->has_sparse() && arr->elem_len_ < arr->elem_cap_) {
    arr->elements_[arr->elem_len_++] = v;
    return;
  }
  Rooted rv(*this, v);
  if (!arr->has_sparse() && arr->is_extensible() && (arr->flags_ & Object::kElementsFrozen) == 0) {
    Rooted ra(*this, Value::object(arr));
    ensure_elements(arr, arr->elem_len_ + 1);
    arr->elements_[arr->elem_len_++] = rv.get();
    return;
  }
  std::uint32_t len = arr->array_length();
  set(arr, PropertyKey::index(len), rv.get());
}

bool VM::get_element(Object* obj, std::uint32_t index, Value* out) {
  if (index < obj->elem_len_) {
    Value v = obj->elements_[index];
    if (!v.is_hole()) {
      *out = v;
      return true;
    }
  }
  Property p;
  if (!get_own_property(obj, PropertyKey::index(index), &p)) return false;
  if (p.attrs & attr::kAccessor) {
    auto* pair = static_cast<AccessorPair*>(p.value.as_cell());
    *out = pair->getter.is_undefined() ? Value::undefined()
                                       : call(pair->getter, Value::object(obj), {});
    return true;
  }
  *out = p.value;
  return true;
}

namespace {
std::map<std::uint32_t, Property>& sparse_of(Object* obj) {
  ObjectExtra& ex = obj->ensure_extra();
  if (ex.sparse == nullptr) {
    ex.sparse = new std::map<std::uint32_t, Property>();
    ex.sparse_length = obj->element_count();
  }
  return *ex.sparse;
}

std::uint8_t element_attrs(const Object* obj) {
  std::uint8_t a = attr::kDefault;
  if (obj->flags() & Object::kElementsFrozen) a &= ~(attr::kWritable | attr::kConfigurable);
  if (obj->flags() & Object::kElementsSealed) a &= ~attr::kConfigurable;
  return a;
}
}  // namespace

// Moves every dense element into sparse storage (for holes far apart or
// elements with special attributes).
static void to_sparse(Object* obj, std::uint32_t elem_len, Value* elements) {
  auto& sp = sparse_of(obj);
  std::uint8_t a = element_attrs(obj);
  for (std::uint32_t i = 0; i < elem_len; ++i) {
    if (!elements[i].is_hole()) sp[i] = Property{elements[i], a};
  }
}

void VM::set_array_length(Object* arr, std::uint32_t len) {
  if (!arr->has_sparse()) {
    if (len <= arr->elem_len_) {
      for (std::uint32_t i = len; i < arr->elem_len_; ++i) arr->elements_[i] = Value::undefined();
      arr->elem_len_ = len;
      return;
    }
    std::uint32_t grow = len - arr->elem_len_;
    if (grow <= 1024 || len <= arr->elem_len_ * 2u) {
      Rooted ra(*this, Value::object(arr));
      ensure_elements(arr, len);
      for (std::uint32_t i = arr->elem_len_; i < len; ++i) arr->elements_[i] = Value::hole();
      arr->elem_len_ = len;
      return;
    }
    to_sparse(arr, arr->elem_len_, arr->elements_);
    arr->elem_len_ = 0;
  }
  auto& sp = *arr->extra_->sparse;
  sp.erase(sp.lower_bound(len), sp.end());
  arr->extra_->sparse_length = len;
}

// ArraySetLength's deletions (10.4.2.4 steps 16-17): shrinking stops above
// the highest element that cannot be deleted, which keeps the length one
// past it; false then.
bool VM::shrink_array_length(Object* arr, std::uint32_t len) {
  std::uint32_t old = arr->array_length();
  if (len >= old) {
    set_array_length(arr, len);
    return true;
  }
  std::int64_t blocked = -1;
  if (arr->has_sparse()) {
    auto& sp = *arr->extra_->sparse;
    for (auto it = sp.rbegin(); it != sp.rend() && it->first >= len; ++it) {
      if ((it->second.attrs & attr::kConfigurable) == 0) {
        blocked = it->first;
        break;
      }
    }
  } else if ((arr->flags_ & (Object::kElementsSealed | Object::kElementsFrozen)) != 0) {
    for (std::uint32_t i = arr->elem_len_; i > len; --i) {
      if (!arr->elements_[i - 1].is_hole()) {
        blocked = i - 1;
        break;
      }
    }
  }
  if (blocked < 0) {
    set_array_length(arr, len);
    return true;
  }
  set_array_length(arr, static_cast<std::uint32_t>(blocked) + 1);
  return false;
}

// ---- [[GetOwnProperty]] ----

namespace {
// A proxy's internal methods take every key but its private names: private
// elements live on the proxy object itself (PrivateFieldFind never traps).
// A module namespace's symbol-keyed properties are ordinary (10.4.6).
bool proxy_handles(const Object* obj, PropertyKey key) {
  return obj->is_proxy() && !(key.is_symbol() && (key.as_symbol()->is_private ||
                                                  obj->klass() == ObjectClass::kModuleNamespace));
}
}  // namespace

bool VM::get_own_property(Object* obj, PropertyKey key, Property* out) {
  if (obj->is_exotic()) {
    if (proxy_handles(obj, key)) return proxy_get_own_property(obj, key, out);
    double n;
    if (obj->is_typed_array() && canonical_numeric_key(key, &n)) {
      Value v = typed_array_get(static_cast<TypedArrayObject*>(obj), n);
      if (v.is_undefined()) return false;
      *out = Property{v, attr::kDefault};
      return true;
    }
  }
  if (key.is_index()) {
    std::uint32_t i = key.as_index();
    if (i < obj->elem_len_ && !obj->elements_[i].is_hole()) {
      *out = Property{obj->elements_[i], element_attrs(obj)};
      return true;
    }
    if (obj->has_sparse()) {
      auto& sp = *obj->extra_->sparse;
      auto it = sp.find(i);
      if (it != sp.end()) {
        *out = it->second;
        return true;
      }
    }
    if (obj->klass_ == ObjectClass::kString) {
      String* s = obj->internal_.as_string();
      if (i < s->length()) {
        s = flatten(s);
        *out = Property{Value::string(single_char(s->at(i))), attr::kEnumerable};
        return true;
      }
    }
    return false;
  }
  if (obj->klass_ == ObjectClass::kArray && key.is_atom() && key.as_atom() == atoms_.length) {
    std::uint8_t a = (obj->flags_ & (Object::kElementsFrozen | Object::kLengthReadOnly)) != 0
                         ? 0
                         : attr::kWritable;
    *out = Property{Value::number(obj->array_length()), a};
    return true;
  }
  if (obj->shape_->is_dictionary()) {
    Property* p = obj->extra_->dict->find(key);
    if (p == nullptr) return false;
    *out = *p;
    return true;
  }
  std::uint8_t attrs;
  std::int32_t slot = obj->shape_->lookup(key, &attrs);
  if (slot < 0) return false;
  *out = Property{obj->slots_[slot], attrs};
  return true;
}

bool VM::has_own_property(Object* obj, PropertyKey key) {
  Property p;
  return get_own_property(obj, key, &p);
}

bool VM::has_property(Object* obj, PropertyKey key) {
  for (Object* o = obj; o != nullptr; o = o->proto()) {
    if (o->is_exotic()) {
      if (o->is_proxy()) return proxy_has(o, key);
      double n;
      if (canonical_numeric_key(key, &n)) {
        return is_valid_integer_index(static_cast<TypedArrayObject*>(o), n);
      }
    }
    if (has_own_property(o, key)) return true;
  }
  return false;
}

// ---- [[Get]] ----

Value VM::get(Object* obj, PropertyKey key, Value receiver) {
  Property p;
  for (Object* o = obj; o != nullptr; o = o->proto()) {
    if (o->is_exotic()) {
      if (o->is_proxy()) return proxy_get(o, key, receiver);
      double n;
      if (canonical_numeric_key(key, &n)) {
        return typed_array_get(static_cast<TypedArrayObject*>(o), n);
      }
    }
    if (key.is_index()) {
      std::uint32_t i = key.as_index();
      if (i < o->elem_len_) {
        Value v = o->elements_[i];
        if (!v.is_hole()) return v;
      }
      if (!o->has_sparse() && o->klass_ != ObjectClass::kString) continue;
    }
    if (!get_own_property(o, key, &p)) continue;
    if (p.attrs & attr::kAccessor) {
      auto* pair = static_cast<AccessorPair*>(p.value.as_cell());
      if (pair->getter.is_undefined()) return Value::undefined();
      return call(pair->getter, receiver, {});
    }
    return p.value;
  }
  return Value::undefined();
}

void VM::throw_nullish_base(Value base, bool writing) {
  throw_type_error(std::string("Cannot ") + (writing ? "set" : "read") + " properties of " +
                   (base.is_null() ? "null" : "undefined"));
}

Value VM::get_value(Value base, PropertyKey key) {
  if (base.is_object()) return get(base.as_object(), key, base);
  if (base.is_string()) {
    String* s = base.as_string();
    if (key.is_atom() && key.as_atom() == atoms_.length)
      return Value::int32(static_cast<std::int32_t>(s->length()));
    if (key.is_index()) {
      if (key.as_index() < s->length()) {
        s = flatten(s);
        return Value::string(single_char(s->at(key.as_index())));
      }
    }
    return get(intrinsics_.string_prototype, key, base);
  }
  if (base.is_number()) return get(intrinsics_.number_prototype, key, base);
  if (base.is_boolean()) return get(intrinsics_.boolean_prototype, key, base);
  if (base.is_symbol()) return get(intrinsics_.symbol_prototype, key, base);
  if (base.is_bigint()) return get(intrinsics_.bigint_prototype, key, base);
  std::string msg = "Cannot read properties of ";
  msg += base.is_null() ? "null" : "undefined";
  msg += " (reading '";
  Value kv = key_to_value(key);
  if (kv.is_string()) {
    msg += kv.as_string()->to_utf8();
  } else if (key.is_symbol()) {
    msg += describe(key.as_value());
  }
  msg += "')";
  throw_type_error(msg);
}

// ---- [[Set]] ----

namespace {
std::string key_name(VM& vm, PropertyKey key) {
  Value kv = vm.key_to_value(key);
  if (kv.is_string()) return kv.as_string()->to_utf8();
  return vm.describe(key.as_value());
}
// "object '#<Foo>'" for objects, as V8 words read-only assignment errors.
std::string object_desc(VM& vm, Value v) {
  if (v.is_object() && !v.as_object()->is_callable()) return "object '" + vm.describe(v) + "'";
  return vm.describe(v);
}
}  // namespace

void VM::set(Object* obj, PropertyKey key, Value v, Value receiver) {
  set_or_refuse(obj, key, v, receiver, true);
}

// OrdinarySet (10.1.9.2): false when refused, or a TypeError when `throws`
// (strict-mode assignment). A setter's own exceptions always propagate.
bool VM::set_or_refuse(Object* obj, PropertyKey key, Value v, Value receiver, bool throws) {
  // Fast path: own dense element of an ordinary extensible receiver.
  if (key.is_index() && receiver.is_object() && receiver.as_object() == obj &&
      (obj->flags_ & (Object::kElementsFrozen)) == 0 && !obj->has_sparse() &&
      obj->klass_ != ObjectClass::kString) {
    std::uint32_t i = key.as_index();
    if (i < obj->elem_len_ && !obj->elements_[i].is_hole()) {
      obj->elements_[i] = v;
      return true;
    }
  }
  Rooted ro(*this, Value::object(obj));
  Rooted rv(*this, v);
  Rooted rr(*this, receiver);
  Property p;
  Object* holder = nullptr;
  for (Object* o = obj; o != nullptr; o = o->proto()) {
    if (o->is_proxy()) {
      if (proxy_set(o, key, rv.get(), rr.get())) return true;
      if (!throws) return false;
      throw_type_error("'set' on proxy: trap returned falsish for property '" +
                       key_name(*this, key) + "'");
    }
    if (o->is_typed_array()) {
      // 10.4.5.5: the typed array's own element, or nothing at all.
      double n;
      if (canonical_numeric_key(key, &n)) {
        auto* ta = static_cast<TypedArrayObject*>(o);
        if (rr.get().is_object() && rr.get().as_object() == o) {
          typed_array_set(ta, n, rv.get());
          return true;
        }
        if (!is_valid_integer_index(ta, n)) return true;
        p = Property{typed_array_get(ta, n), attr::kDefault};
        holder = o;
        break;
      }
    }
    if (get_own_property(o, key, &p)) {
      holder = o;
      break;
    }
  }
  if (holder != nullptr) {
    if (p.attrs & attr::kAccessor) {
      auto* pair = static_cast<AccessorPair*>(p.value.as_cell());
      if (pair->setter.is_undefined()) {
        if (!throws) return false;
        throw_type_error("Cannot set property " + key_name(*this, key) + " of " +
                         describe(rr.get()) + " which has only a getter");
      }
      Value arg = rv.get();
      call(pair->setter, rr.get(), std::span<const Value>(&arg, 1));
      return true;
    }
    if ((p.attrs & attr::kWritable) == 0) {
      if (!throws) return false;
      throw_type_error("Cannot assign to read only property '" + key_name(*this, key) + "' of " +
                       object_desc(*this, rr.get()));
    }
  }
  if (!rr.get().is_object()) {
    if (!throws) return false;
    throw_type_error("Cannot create property '" + key_name(*this, key) + "' on " +
                     describe(rr.get()));
  }
  Object* target = rr.get().as_object();
  if (holder == target) {
    // Existing own writable data property.
    if (key.is_index()) {
      std::uint32_t i = key.as_index();
      if (i < target->elem_len_ && !target->elements_[i].is_hole()) {
        target->elements_[i] = rv.get();
        return true;
      }
      if (target->has_sparse()) {
        (*target->extra_->sparse)[i].value = rv.get();
        return true;
      }
    }
    if (target->klass_ == ObjectClass::kArray && key.is_atom() && key.as_atom() == atoms_.length) {
      double d = to_number(rv.get());
      auto len = static_cast<std::uint32_t>(d);
      if (static_cast<double>(len) != d) throw_range_error("Invalid array length");
      if (shrink_array_length(rr.get().as_object(), len)) return true;
      if (!throws) return false;
      throw_type_error("Cannot delete property '" +
                       std::to_string(rr.get().as_object()->array_length() - 1) + "' of " +
                       describe(rr.get()));
    }
    if (target->shape_->is_dictionary()) {
      target->extra_->dict->find(key)->value = rv.get();
      return true;
    }
    std::uint8_t attrs;
    std::int32_t slot = target->shape_->lookup(key, &attrs);
    target->slots_[slot] = rv.get();
    return true;
  }
  if (holder == nullptr || holder != target) {
    // Receiver may still have an own property (when receiver != obj).
    if (target != ro.object()) {
      Property own;
      if (get_own_property(target, key, &own)) {
        if ((own.attrs & attr::kAccessor) || (own.attrs & attr::kWritable) == 0) {
          if (!throws) return false;
          throw_type_error("Cannot assign to read only property '" + key_name(*this, key) +
                           "' of " + object_desc(*this, rr.get()));
        }
        return define_own_property(target, key, rv.get(), own.attrs) || throws;
      }
    }
    if (!target->is_extensible()) {
      if (!throws) return false;
      throw_type_error("Cannot add property " + key_name(*this, key) +
                       ", object is not extensible");
    }
    if (!throws) return define_own_property(target, key, rv.get(), attr::kDefault);
    create_data_property(target, key, rv.get());
  }
  return true;
}

void VM::set_value(Value base, PropertyKey key, Value v) {
  if (base.is_object()) {
    set(base.as_object(), key, v, base);
    return;
  }
  if (base.is_nullish()) {
    throw_type_error("Cannot set properties of " +
                     std::string(base.is_null() ? "null" : "undefined") + " (setting '" +
                     key_name(*this, key) + "')");
  }
  // Primitives: setters on the prototype run; anything else is an error in strict mode.
  Rooted rb(*this, base);
  Rooted rv(*this, v);
  Object* proto = to_object(base)->proto();
  set(proto, key, rv.get(), rb.get());
}

// ---- [[DefineOwnProperty]] ----

void VM::create_data_property(Object* obj, PropertyKey key, Value v) {
  if (!define_own_property(obj, key, v, attr::kDefault)) {
    throw_type_error("Cannot define property " + key_name(*this, key) +
                     ", object is not extensible");
  }
}

bool VM::define_own_property(Object* obj, PropertyKey key, Value value, std::uint8_t attrs,
                             bool is_accessor, Value getter, Value setter, std::uint8_t present) {
  // present: bit 0 value, 1 writable, 2 enumerable, 3 configurable, 4 get, 5 set
  // (0xFF = a complete descriptor).
  if (obj->is_exotic() && proxy_handles(obj, key)) {
    return proxy_define_own_property(obj, key, value, attrs, is_accessor, getter, setter, present);
  }
  bool complete = present == 0xFF;
  Rooted ro(*this, Value::object(obj));
  Rooted rv(*this, value);
  Rooted rg(*this, getter);
  Rooted rs(*this, setter);
  if (obj->is_typed_array()) {
    double n;
    if (canonical_numeric_key(key, &n)) {
      // 10.4.5.3: only a writable, enumerable, configurable data element.
      if (!is_valid_integer_index(static_cast<TypedArrayObject*>(obj), n)) return false;
      auto has = [&](std::uint8_t bit) { return complete || (present & bit) != 0; };
      if (has(8) && (attrs & attr::kConfigurable) == 0) return false;
      if (has(4) && (attrs & attr::kEnumerable) == 0) return false;
      if (is_accessor) return false;
      if (has(2) && (attrs & attr::kWritable) == 0) return false;
      if (has(1)) typed_array_set(static_cast<TypedArrayObject*>(ro.object()), n, rv.get());
      return true;
    }
  }
  Property cur;
  bool exists = get_own_property(obj, key, &cur);

  // Array length is special (ECMA-262 10.4.2.4).
  if (obj->klass_ == ObjectClass::kArray && key.is_atom() && key.as_atom() == atoms_.length) {
    if (is_accessor) return false;
    // The new length is validated first (ArraySetLength steps 3-5).
    std::uint32_t len = 0;
    bool has_value = complete || (present & 1);
    if (has_value) {
      double d = to_number(rv.get());
      len = static_cast<std::uint32_t>(d);
      if (static_cast<double>(len) != d) throw_range_error("Invalid array length");
    }
    // length is non-configurable and non-enumerable; read-only stays so.
    bool wants_config = complete ? (attrs & attr::kConfigurable) != 0
                                 : ((present & 8) && (attrs & attr::kConfigurable));
    bool wants_enum = complete ? (attrs & attr::kEnumerable) != 0
                               : ((present & 4) && (attrs & attr::kEnumerable));
    bool wants_writable = (present & 2) && (attrs & attr::kWritable);
    if (wants_config || wants_enum) return false;
    if ((cur.attrs & attr::kWritable) == 0 && wants_writable) return false;
    bool wants_readonly = complete ? (attrs & attr::kWritable) == 0
                                   : ((present & 2) && (attrs & attr::kWritable) == 0);
    bool ok = true;
    if (has_value) {
      obj = ro.object();
      if ((cur.attrs & attr::kWritable) == 0 && len != obj->array_length()) return false;
      ok = shrink_array_length(obj, len);
    }
    if (wants_readonly) ro.object()->flags_ |= Object::kLengthReadOnly;
    return ok;
  }

  std::uint8_t new_attrs;
  Value new_value;
  if (!exists) {
    if (!obj->is_extensible()) return false;
    new_attrs = 0;
    if (complete) {
      new_attrs = attrs;
    } else {
      if ((present & 2) && (attrs & attr::kWritable)) new_attrs |= attr::kWritable;
      if ((present & 4) && (attrs & attr::kEnumerable)) new_attrs |= attr::kEnumerable;
      if ((present & 8) && (attrs & attr::kConfigurable)) new_attrs |= attr::kConfigurable;
    }
    if (is_accessor) {
      new_attrs = (new_attrs & ~attr::kWritable) | attr::kAccessor;
      AccessorPair* pair = new_accessor(rg.get(), rs.get());
      new_value = Value::cell(pair);
    } else {
      new_value = rv.get();
    }
  } else {
    bool cur_accessor = (cur.attrs & attr::kAccessor) != 0;
    bool configurable = (cur.attrs & attr::kConfigurable) != 0;
    bool want_config = complete        ? (attrs & attr::kConfigurable)
                       : (present & 8) ? (attrs & attr::kConfigurable)
                                       : configurable;
    bool want_enum = complete        ? (attrs & attr::kEnumerable)
                     : (present & 4) ? (attrs & attr::kEnumerable)
                                     : (cur.attrs & attr::kEnumerable);
    bool is_data_desc = !is_accessor && (complete || (present & 3));
    if (!configurable) {
      if (want_config) return false;
      if (static_cast<bool>(want_enum) != static_cast<bool>(cur.attrs & attr::kEnumerable))
        return false;
      if (is_accessor && !cur_accessor) return false;
      if (is_data_desc && cur_accessor) return false;
      if (!cur_accessor && !(cur.attrs & attr::kWritable)) {
        bool want_writable = complete        ? (attrs & attr::kWritable)
                             : (present & 2) ? (attrs & attr::kWritable)
                                             : false;
        if (want_writable) return false;
        if ((complete || (present & 1)) && !same_value(rv.get(), cur.value)) return false;
      }
      if (cur_accessor && is_accessor) {
        auto* pair = static_cast<AccessorPair*>(cur.value.as_cell());
        if ((complete || (present & 16)) && pair->getter != rg.get()) return false;
        if ((complete || (present & 32)) && pair->setter != rs.get()) return false;
      }
    }
    new_attrs = static_cast<std::uint8_t>((want_config ? attr::kConfigurable : 0) |
                                          (want_enum ? attr::kEnumerable : 0));
    if (is_accessor) {
      Value g = rg.get(), s = rs.get();
      if (cur_accessor && !complete) {
        auto* pair = static_cast<AccessorPair*>(cur.value.as_cell());
        if (!(present & 16)) g = pair->getter;
        if (!(present & 32)) s = pair->setter;
      }
      new_attrs |= attr::kAccessor;
      new_value = Value::cell(new_accessor(g, s));
    } else if (is_data_desc || !cur_accessor) {
      bool writable = complete        ? (attrs & attr::kWritable)
                      : (present & 2) ? (attrs & attr::kWritable)
                                      : (!cur_accessor && (cur.attrs & attr::kWritable));
      if (writable) new_attrs |= attr::kWritable;
      new_value =
          (complete || (present & 1)) ? rv.get() : (cur_accessor ? Value::undefined() : cur.value);
    } else {
      // Generic descriptor on an accessor: keep the pair.
      new_attrs |= attr::kAccessor;
      new_value = cur.value;
    }
  }
  obj = ro.object();

  if (key.is_index()) {
    std::uint32_t i = key.as_index();
    bool plain = new_attrs == element_attrs(obj) && new_attrs == attr::kDefault;
    if (plain && !obj->has_sparse()) {
      if (i < obj->elem_len_) {
        obj->elements_[i] = new_value;
        return true;
      }
      std::uint32_t len = obj->elem_len_;
      if (i < len + 1024 || i <= len * 2u) {
        Rooted rn(*this, new_value);
        ensure_elements(obj, i + 1);
        for (std::uint32_t j = len; j < i; ++j) obj->elements_[j] = Value::hole();
        obj->elements_[i] = rn.get();
        obj->elem_len_ = i + 1;
        return true;
      }
    }
    if (!obj->has_sparse()) {
      to_sparse(obj, obj->elem_len_, obj->elements_);
      obj->elem_len_ = 0;
    }
    auto& sp = *obj->extra_->sparse;
    sp[i] = Property{new_value, new_attrs};
    if (obj->klass_ == ObjectClass::kArray && i >= obj->extra_->sparse_length) {
      obj->extra_->sparse_length = i + 1;
    }
    return true;
  }

  if (!exists) {
    add_property(obj, key, new_value, new_attrs);
    return true;
  }
  if (obj->shape_->is_dictionary()) {
    obj->extra_->dict->set(key, Property{new_value, new_attrs});
    return true;
  }
  std::uint8_t old_attrs;
  std::int32_t slot = obj->shape_->lookup(key, &old_attrs);
  if (old_attrs == new_attrs) {
    obj->slots_[slot] = new_value;
    return true;
  }
  Rooted rn(*this, new_value);
  make_dictionary(obj);
  ro.object()->extra_->dict->set(key, Property{rn.get(), new_attrs});
  return true;
}

// ---- delete, keys, prototype ----

bool VM::delete_property(Object* obj, PropertyKey key) {
  if (proxy_handles(obj, key)) return proxy_delete(obj, key);
  if (obj->is_typed_array()) {
    double n;
    if (canonical_numeric_key(key, &n)) {
      return !is_valid_integer_index(static_cast<TypedArrayObject*>(obj), n);
    }
  }
  Property cur;
  if (!get_own_property(obj, key, &cur)) return true;
  if ((cur.attrs & attr::kConfigurable) == 0) return false;
  if (key.is_index()) {
    std::uint32_t i = key.as_index();
    if (i < obj->elem_len_) {
      if (i + 1 == obj->elem_len_ && obj->klass_ != ObjectClass::kArray) {
        obj->elem_len_--;
      } else {
        obj->elements_[i] = Value::hole();
      }
      return true;
    }
    if (obj->has_sparse()) obj->extra_->sparse->erase(i);
    return true;
  }
  Rooted ro(*this, Value::object(obj));
  make_dictionary(obj);
  ro.object()->extra_->dict->remove(key);
  return true;
}

void VM::own_keys(Object* obj, std::vector<PropertyKey>& out, bool include_strings,
                  bool include_symbols) {
  if (obj->is_proxy()) {
    std::vector<PropertyKey> all;
    proxy_own_keys(obj, all);
    for (PropertyKey k : all) {
      if (k.is_symbol() ? include_symbols : include_strings) out.push_back(k);
    }
    return;
  }
  if (include_strings) {
    std::vector<std::uint32_t> indices;
    if (obj->klass_ == ObjectClass::kString) {
      std::uint32_t n = obj->internal_.as_string()->length();
      for (std::uint32_t i = 0; i < n; ++i) indices.push_back(i);
    } else if (obj->klass_ == ObjectClass::kTypedArray) {
      std::uint32_t n = static_cast<TypedArrayObject*>(obj)->live_length();
      for (std::uint32_t i = 0; i < n; ++i) indices.push_back(i);
    }
    for (std::uint32_t i = 0; i < obj->elem_len_; ++i) {
      if (!obj->elements_[i].is_hole()) indices.push_back(i);
    }
    if (obj->has_sparse()) {
      for (auto& [i, p] : *obj->extra_->sparse) indices.push_back(i);
      std::sort(indices.begin(), indices.end());
    }
    for (std::uint32_t i : indices) out.push_back(PropertyKey::index(i));
    if (obj->klass_ == ObjectClass::kArray) out.push_back(PropertyKey::atom(atoms_.length));
  }
  auto emit = [&](PropertyKey k) {
    if (k.is_symbol() && k.as_symbol()->is_private) return;  // private elements are not properties
    if (k.is_symbol() ? include_symbols : include_strings) out.push_back(k);
  };
  if (obj->shape_->is_dictionary()) {
    for (const auto& e : obj->extra_->dict->entries()) {
      if (!e.deleted && !e.key.is_symbol()) emit(e.key);
    }
    if (include_symbols) {
      for (const auto& e : obj->extra_->dict->entries()) {
        if (!e.deleted && e.key.is_symbol()) emit(e.key);
      }
    }
  } else {
    const auto& entries = obj->shape_->entries();
    for (const auto& e : entries) {
      if (!e.key.is_symbol()) emit(e.key);
    }
    if (include_symbols) {
      for (const auto& e : entries) {
        if (e.key.is_symbol()) emit(e.key);
      }
    }
  }
}

bool VM::set_prototype(Object* obj, Object* proto) {
  if (obj->is_proxy()) return proxy_set_prototype_of(obj, proto);
  if (obj->proto() == proto) return true;
  if (!obj->is_extensible()) return false;
  for (Object* p = proto; p != nullptr; p = p->proto()) {
    if (p == obj) return false;
  }
  Rooted ro(*this, Value::object(obj));
  Rooted rp(*this, proto != nullptr ? Value::object(proto) : Value::null());
  if (obj->shape_->is_dictionary()) {
    Shape* s = dictionary_shape_for(proto);
    ro.object()->shape_ = s;
    return true;
  }
  // Replay the properties on the new prototype's root shape: slots keep their order.
  Shape* s = root_shape_for(proto);
  Rooted rs(*this, Value::cell(s));
  std::vector<Shape::Entry> entries = ro.object()->shape_->entries();
  for (const auto& e : entries) {
    Shape* next = static_cast<Shape*>(rs.get().as_cell())->add(*this, e.key, e.attrs);
    if (next == nullptr) {
      make_dictionary(ro.object());
      ro.object()->shape_ = dictionary_shape_for(rp.get().is_object() ? rp.object() : nullptr);
      return true;
    }
    rs.set(Value::cell(next));
  }
  ro.object()->shape_ = static_cast<Shape*>(rs.get().as_cell());
  return true;
}

bool VM::prevent_extensions(Object* obj) {
  if (obj->is_proxy()) return proxy_prevent_extensions(obj);
  obj->flags_ &= ~Object::kExtensible;
  return true;
}

}  // namespace kite::vm
