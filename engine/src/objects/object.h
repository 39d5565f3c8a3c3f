// Object: a JavaScript object — a shape, named-property slots and dense
// indexed elements. Arrays are Objects of ObjectClass::kArray; functions
// are subclasses (objects/function.h).
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
#include "objects/property_key.h"
#include "objects/property_map.h"
#include "objects/value.h"

namespace kite::regexp {
class Program;
}

namespace kite::vm {

class Heap;
class OrderedTable;
class Shape;
class VM;

enum class ObjectClass : std::uint8_t {
  kPlain,
  kArray,
  kFunction,        // JSFunction: bytecode closure
  kNativeFunction,  // NativeFunction: C++ built-in
  kBoundFunction,
  kCallableProxy,  // a ProxyObject whose target is callable (objects/proxy.h)
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
  kRegExp,                 // internal_ = source string; extra_->regexp the program
  kRegExpStringIterator,   // %RegExpStringIteratorPrototype% instances
  kIteratorRecord,         // internal: elements [iterator, next method]
  kForInIterator,          // internal: elements = keys, internal = index
  kPromise,                // internal: the promise's record (builtins/promise.cpp)
  kGenerator,              // internal: the suspended frame's record (vm/generator.cpp)
  kAsyncGenerator,         // as kGenerator, plus the request queue (builtins/async_iteration.cpp)
  kAsyncFromSyncIterator,  // internal: the sync iterator record (27.1.4)
  // Weak collections (builtins/weak.cpp), traced specially by the collector
  // (Object::trace_weak, Heap::process_weak); keep these four together.
  kWeakMap,               // extra_->table: key -> value (ephemerons)
  kWeakSet,               // extra_->table: key -> true
  kWeakRef,               // internal_: the target
  kFinalizationRegistry,  // internal_: the cleanup callback; extra_->cells
  // Binary data (objects/typed_array.h): subclasses with their own fields.
  kArrayBuffer,
  kTypedArray,
  kDataView,
  kProxy,            // a ProxyObject whose target is not callable
  kBigIntObject,     // Object(1n): the BigInt in internal_
  kModuleNamespace,  // ModuleNamespaceObject (vm/modules.h)
};

// A FinalizationRegistry's registration: target and token held weakly,
// the held value strongly.
struct WeakCell {
  Value target;
  Value held;
  Value token;  // undefined when none
};

// Rarely needed per-object state, allocated on first use.
struct ObjectExtra {
  PropertyMap* dict = nullptr;
  std::map<std::uint32_t, Property>* sparse = nullptr;
  std::uint32_t sparse_length = 0;                // array length when sparse elements exist
  Shape* child_root = nullptr;                    // root shape of objects whose prototype is this
  Shape* child_dict = nullptr;                    // dictionary shape of those objects
  OrderedTable* table = nullptr;                  // Map / Set storage
  std::vector<WeakCell>* cells = nullptr;         // FinalizationRegistry registrations
  std::shared_ptr<const regexp::Program> regexp;  // RegExp: the compiled pattern
};

class Object;
// A built-in iterator (Array, String, Map, Set and RegExp String Iterator,
// class as in ObjectClass): its target in Object::internal(), its position
// and kind in `state`, where no property access sees them (ECMA-262 gives
// these objects internal slots, not properties). Declared after Object.
class IteratorObject;

class Object : public Cell {
 public:
  static constexpr std::uint8_t kExtensible = 1;
  static constexpr std::uint8_t kElementsFrozen = 2;  // elements non-writable, non-configurable
  static constexpr std::uint8_t kElementsSealed = 4;  // elements non-configurable
  static constexpr std::uint8_t kClassConstructor = 8;
  static constexpr std::uint8_t kDerived = 16;
  static constexpr std::uint8_t kLengthReadOnly = 32;   // arrays: length non-writable
  static constexpr std::uint8_t kProxyFlag = 64;        // klass kProxy or kCallableProxy
  static constexpr std::uint8_t kTypedArrayFlag = 128;  // klass kTypedArray
  // Objects whose property access is not the ordinary one: one test on
  // the common path (objects/object.cpp).
  static constexpr std::uint8_t kExoticFlags = kProxyFlag | kTypedArrayFlag;

  Object(Shape* shape, Value* inline_slots, std::uint32_t inline_cap, ObjectClass klass);
  ~Object() = default;

  Shape* shape() const { return shape_; }
  void set_shape(Shape* s) { shape_ = s; }
  ObjectClass klass() const { return klass_; }
  bool is_array() const { return klass_ == ObjectClass::kArray; }
  bool is_callable() const {
    return klass_ >= ObjectClass::kFunction && klass_ <= ObjectClass::kCallableProxy;
  }
  // A Proxy exotic object: every internal method goes to builtins/proxy.cpp.
  bool is_proxy() const { return (flags_ & kProxyFlag) != 0; }
  bool is_typed_array() const { return (flags_ & kTypedArrayFlag) != 0; }
  bool is_exotic() const { return (flags_ & kExoticFlags) != 0; }
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
  void trace_weak(Heap& heap);
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

class IteratorObject : public Object {
 public:
  IteratorObject(Shape* shape, Value* inline_slots, std::uint32_t cap, ObjectClass klass)
      : Object(shape, inline_slots, cap, klass) {}
  Value state[2];  // [index or the string, kind or flag bits] (builtins/iterators.cpp, regexp.cpp)
};

}  // namespace kite::vm
