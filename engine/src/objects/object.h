// Object: a JavaScript object — a shape, named-property slots and dense
// indexed elements — plus the subclasses the engine needs (functions,
// arrays share Object itself with ObjectClass::kArray).
//
// Named properties: `slots_[i]` holds the value of the shape's i-th
// property (an AccessorPair cell for accessors). Dictionary objects keep
// their properties in `extra_->dict` instead. Indexed properties: dense
// `elements_` (holes are Value::hole()), and `extra_->sparse` for indices
// too far apart or with non-default attributes.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "heap/cell.h"
#include "objects/property_index.h"
#include "objects/property_key.h"
#include "objects/value.h"

namespace kite::regexp {
class Program;
}

namespace kite::vm {

class Heap;
class Shape;
class String;
class VM;
class FunctionTemplate;
class Environment;
struct CallInfo;

enum class ObjectClass : std::uint8_t {
  kPlain,
  kArray,
  kFunction,        // JSFunction: bytecode closure
  kNativeFunction,  // NativeFunction: C++ built-in
  kBoundFunction,
  kError,
  kBoolean,  // primitive wrappers: value in internal_
  kNumber,
  kString,
  kSymbol,
  kArguments,
  kMap,
  kSet,
  kArrayIterator,
  kMapIterator,
  kSetIterator,
  kStringIterator,
  kDate,
  kRegExp,                // internal_ = source string; extra_->regexp the program
  kRegExpStringIterator,  // %RegExpStringIteratorPrototype% instances
  kIteratorRecord,        // internal: elements [iterator, next method]
  kForInIterator,         // internal: elements = keys, internal = index
  kPromise,               // internal: the promise's record (builtins/promise.cpp)
};

// A property in dictionary mode or in sparse elements.
struct Property {
  Value value;  // AccessorPair cell when attrs has kAccessor
  std::uint8_t attrs;
};

// Insertion-ordered property map for dictionary-mode objects.
class PropertyMap {
 public:
  struct Entry {
    PropertyKey key;
    Property prop;
    bool deleted;
  };
  Property* find(PropertyKey key);
  void set(PropertyKey key, Property p);
  bool remove(PropertyKey key);
  const std::vector<Entry>& entries() const { return entries_; }
  std::size_t size() const { return index_.size(); }
  void trace(Heap& heap);

 private:
  void compact();
  std::vector<Entry> entries_;
  PropertyIndex index_;  // key -> position in entries_
};

class OrderedTable;

// Rarely needed per-object state, allocated on first use.
struct ObjectExtra {
  PropertyMap* dict = nullptr;
  std::map<std::uint32_t, Property>* sparse = nullptr;
  std::uint32_t sparse_length = 0;                // array length when sparse elements exist
  Shape* child_root = nullptr;                    // root shape of objects whose prototype is this
  Shape* child_dict = nullptr;                    // dictionary shape of those objects
  OrderedTable* table = nullptr;                  // Map / Set storage
  std::shared_ptr<const regexp::Program> regexp;  // RegExp: the compiled pattern
};

class Object : public Cell {
 public:
  static constexpr std::uint8_t kExtensible = 1;
  static constexpr std::uint8_t kElementsFrozen = 2;  // elements non-writable, non-configurable
  static constexpr std::uint8_t kElementsSealed = 4;  // elements non-configurable
  static constexpr std::uint8_t kClassConstructor = 8;
  static constexpr std::uint8_t kDerived = 16;
  static constexpr std::uint8_t kLengthReadOnly = 32;  // arrays: length non-writable

  Object(Shape* shape, Value* inline_slots, std::uint32_t inline_cap, ObjectClass klass);
  ~Object();

  Shape* shape() const { return shape_; }
  void set_shape(Shape* s) { shape_ = s; }
  ObjectClass klass() const { return klass_; }
  bool is_array() const { return klass_ == ObjectClass::kArray; }
  bool is_callable() const {
    return klass_ == ObjectClass::kFunction || klass_ == ObjectClass::kNativeFunction ||
           klass_ == ObjectClass::kBoundFunction;
  }
  bool is_extensible() const { return (flags_ & kExtensible) != 0; }
  std::uint8_t flags() const { return flags_; }
  void set_flag(std::uint8_t f) { flags_ |= f; }
  void clear_flag(std::uint8_t f) { flags_ &= static_cast<std::uint8_t>(~f); }
  Object* proto() const;

  Value* slots() { return slots_; }
  Value slot(std::uint32_t i) const { return slots_[i]; }
  void set_slot(std::uint32_t i, Value v) { slots_[i] = v; }
  std::uint32_t slot_capacity() const { return slot_cap_; }

  Value* elements() { return elements_; }
  std::uint32_t element_count() const { return elem_len_; }
  std::uint32_t element_capacity() const { return elem_cap_; }
  bool has_sparse() const { return extra_ != nullptr && extra_->sparse != nullptr; }
  ObjectExtra* extra() const { return extra_; }
  ObjectExtra& ensure_extra();
  PropertyMap* dict() const { return extra_ != nullptr ? extra_->dict : nullptr; }

  // Array length (arrays only).
  std::uint32_t array_length() const { return has_sparse() ? extra_->sparse_length : elem_len_; }

  // Internal value of wrappers, Date, errors' captured data etc.
  Value internal() const { return internal_; }
  void set_internal(Value v) { internal_ = v; }

  void trace(Heap& heap);
  // Frees out-of-line slots, elements and extra state (at finalization).
  void free_storage(Heap& heap);
  void reset_slots(Value* inline_slots, std::uint32_t cap);

 protected:
  friend class VM;
  Shape* shape_;
  Value* slots_;
  Value* elements_ = nullptr;
  ObjectExtra* extra_ = nullptr;
  Value internal_;
  std::uint32_t slot_cap_;
  std::uint32_t elem_len_ = 0;
  std::uint32_t elem_cap_ = 0;
  ObjectClass klass_;
  std::uint8_t flags_ = kExtensible;
  bool slots_inline_;
  bool elements_inline_ = false;  // elements_ points into this cell (new_array)
};

// A getter/setter pair stored in an accessor property's slot.
class AccessorPair : public Cell {
 public:
  Value getter;  // undefined or a callable
  Value setter;
  void trace(Heap& heap) {
    heap_mark(heap, getter);
    heap_mark(heap, setter);
  }
  static void heap_mark(Heap& heap, Value v);
};

class Symbol : public Cell {
 public:
  explicit Symbol(Value description) : description(description) {}
  Value description;  // undefined or a String
};

// A heap environment holding the captured variables of one scope.
class Environment : public Cell {
 public:
  Environment(Environment* parent, std::uint32_t size) : parent(parent), size(size) {}
  Environment* parent;
  std::uint32_t size;
  Value slots[1];  // `size` slots (allocated with extra bytes)
  void trace(Heap& heap);
};

// A closure: compiled code plus the environment it captured.
class JSFunction : public Object {
 public:
  JSFunction(Shape* shape, Value* inline_slots, std::uint32_t cap, FunctionTemplate* tmpl,
             Environment* env)
      : Object(shape, inline_slots, cap, ObjectClass::kFunction), tmpl(tmpl), env(env) {}
  FunctionTemplate* tmpl;
  Environment* env;
  Value home_object;  // for super property access in methods
  Value fields;       // class constructors: JSFunction initializing instance fields
};

using NativeFn = Value (*)(VM& vm, CallInfo& call);

class NativeFunction : public Object {
 public:
  NativeFunction(Shape* shape, Value* inline_slots, std::uint32_t cap, NativeFn fn)
      : Object(shape, inline_slots, cap, ObjectClass::kNativeFunction), fn(fn) {}
  NativeFn fn;
  Value data;  // per-function data (e.g. a Response helper's kind)
  bool is_constructor = false;
};

class BoundFunction : public Object {
 public:
  BoundFunction(Shape* shape, Value* inline_slots, std::uint32_t cap)
      : Object(shape, inline_slots, cap, ObjectClass::kBoundFunction) {}
  Value target;
  Value bound_this;
  std::vector<Value> args;
};

// Arguments to a native function. `args` points into the register stack
// (rooted). `new_target` is undefined for a plain call.
struct CallInfo {
  Value this_value;
  const Value* args;
  std::uint32_t argc;
  Value new_target;
  Object* callee;
  Value arg(std::uint32_t i) const { return i < argc ? args[i] : Value::undefined(); }
};

}  // namespace kite::vm
