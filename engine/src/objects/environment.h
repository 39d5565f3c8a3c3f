// Environment: the heap cell holding a scope's captured variables.
#pragma once

#include <cstdint>

#include "heap/cell.h"
#include "objects/value.h"

namespace kite::vm {

class Heap;

// A heap environment holding the captured variables of one scope.
class Environment : public Cell {
 public:
  Environment(Environment* parent, std::uint32_t size) : parent(parent), size(size) {}
  Environment* parent;
  std::uint32_t size;
  Value slots[1];  // `size` slots (allocated with extra bytes)
  void trace(Heap& heap);
};

}  // namespace kite::vm
