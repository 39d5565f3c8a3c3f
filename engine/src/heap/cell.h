// Cell: the header every garbage-collected object starts with.
#pragma once

#include <cstdint>

namespace kite::vm {

enum class CellKind : std::uint8_t {
  kString,
  kSymbol,
  kObject,  // Object and every subclass (see ObjectClass)
  kShape,
  kFunctionTemplate,
  kEnvironment,
  kAccessorPair,
  kIterator,
};

class Cell {
 public:
  CellKind kind() const { return kind_; }
  bool is_marked() const { return marked_ != 0; }

 protected:
  Cell() = default;
  ~Cell() = default;

 private:
  friend class Heap;
  Cell* gc_next_;
  std::uint32_t gc_size_;
  CellKind kind_;
  std::uint8_t marked_;

 protected:
  std::uint16_t cell_flags_ = 0;  // free for the subclass
};

static_assert(sizeof(Cell) == 16);

}  // namespace kite::vm
