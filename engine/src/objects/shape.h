// Shape: a hidden class. Objects with the same prototype that gained the
// same properties in the same order share a Shape, so a property's slot
// index can be cached per access site (inline caches).
//
// Shapes form a transition tree rooted at one root shape per prototype:
// adding property `k` with attributes `a` to an object of shape S moves it
// to the child S->k/a, created once and then reused. The slot of a property
// is its position along the chain. An object whose properties are deleted,
// reconfigured or too many becomes a dictionary object: its shape is the
// shared dictionary shape of its prototype and its properties live in a
// PropertyMap (never cached by inline caches).
#pragma once

#include <cstdint>
#include <vector>

#include "heap/cell.h"
#include "objects/property_index.h"
#include "objects/property_key.h"

namespace kite::vm {

class Heap;
class Object;
class VM;

class Shape : public Cell {
 public:
  struct Entry {
    PropertyKey key;
    std::uint8_t attrs;
  };

  // Past this many properties (or transitions from one shape) objects
  // switch to dictionary mode. The global object is the largest shaped
  // object: 62 built-in globals since BigInt and the typed arrays, and a
  // script's own top-level functions on top (with 64, a script with three
  // of them made every global read a dictionary lookup: bench-check
  // js/functionCalls +80%).
  static constexpr std::uint32_t kMaxProperties = 128;
  static constexpr std::size_t kMaxTransitions = 64;

  Shape(Shape* parent, Object* proto, PropertyKey key, std::uint8_t attrs, bool dictionary);
  ~Shape();

  Shape* parent() const { return parent_; }
  Object* proto() const { return proto_; }
  bool is_dictionary() const { return dictionary_; }
  std::uint32_t property_count() const { return count_; }
  PropertyKey last_key() const { return key_; }
  std::uint8_t last_attrs() const { return attrs_; }

  // The slot of `key`, or -1. Stores its attributes in *attrs.
  std::int32_t lookup(PropertyKey key, std::uint8_t* attrs);

  // Whether `key` is one of this shape's properties. Unlike lookup it
  // never builds the property table: a shape passed through while
  // properties are appended one by one (built-in set-up) does not need one.
  bool has_key(PropertyKey key) const;

  // The child shape with `key` added (created on first use). Returns null
  // when this shape may not grow (too many properties or transitions).
  Shape* add(VM& vm, PropertyKey key, std::uint8_t attrs);

  // Every property in slot order.
  const std::vector<Entry>& entries();

  void trace(Heap& heap);

 private:
  void build_table();

  Shape* parent_;
  Object* proto_;
  PropertyKey key_;
  std::uint32_t count_;
  std::uint8_t attrs_;
  bool dictionary_;
  struct Transition {
    PropertyKey key;
    std::uint8_t attrs;
    Shape* child;
  };
  std::vector<Transition> transitions_;
  std::vector<Entry>* entries_ = nullptr;
  PropertyIndex* index_ = nullptr;  // key -> slot, for shapes of more than 8 properties
};

}  // namespace kite::vm
