// Property and PropertyMap: a property held outside a shape (dictionary-mode
// objects and sparse elements) and the insertion-ordered map a
// dictionary-mode object keeps its properties in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "objects/property_index.h"
#include "objects/property_key.h"
#include "objects/value.h"

namespace kite::vm {

class Heap;

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

}  // namespace kite::vm
