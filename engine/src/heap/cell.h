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
  kBigInt,  // objects/bigint.h
};

class Cell {
 public:
  CellKind kind() const { return kind_; }
  bool is_marked() const { return marked_ == kMarked; }

 protected:
  Cell() = default;
  ~Cell() = default;

 private:
  friend class Heap;
  friend class SizeClassSpace;

  // Values of marked_. kFreeSlot: the slot of a size-class page holds no
  // cell (heap/size_class_space.h); marking never reaches such a slot.
  static constexpr std::uint8_t kUnmarked = 0;
  static constexpr std::uint8_t kMarked = 1;
  static constexpr std::uint8_t kFreeSlot = 2;

  // A malloc'd cell: the next in the heap's list of them (every cell
  // without KITE_OPT_SIZE_CLASS_HEAP, large cells with it). A free slot of a
  // page: the next free slot of its size class. Unused by live page cells.
  Cell* gc_next_;
  std::uint32_t gc_size_;  // bytes of a malloc'd cell
  CellKind kind_;
  std::uint8_t marked_;

 protected:
  std::uint16_t cell_flags_ = 0;  // free for the subclass
};

static_assert(sizeof(Cell) == 16);

}  // namespace kite::vm
