// AccessorPair: the getter and setter of an accessor property.
#pragma once

#include "heap/cell.h"
#include "objects/value.h"

namespace kite::vm {

class Heap;

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

}  // namespace kite::vm
