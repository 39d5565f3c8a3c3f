// Heap: allocation and the precise, non-moving mark-sweep collector.
//
// Every cell is allocated here and linked into the heap's list; a collection
// marks from the VM's roots (register stack, frames, globals, intrinsics,
// Rooted<> handles, the pending exception) and frees every unmarked cell.
// A collection can happen at any allocation, so native code must keep every
// Value it still needs after an allocation in a Rooted<> (or in a register).
// Not thread-safe: one Heap per VM per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>
#include <utility>
#include <vector>

#include "heap/cell.h"
#include "objects/value.h"

namespace kite::vm {

class VM;

class Heap {
 public:
  explicit Heap(VM& vm);
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  // Allocates and constructs a T with `extra` trailing bytes. May collect
  // first (every Value not rooted may be freed) and may throw a RangeError
  // ("out of memory") when the memory limit is reached.
  template <typename T, typename... Args>
  T* make(CellKind kind, std::size_t extra, Args&&... args) {
    std::size_t size = sizeof(T) + extra;
    void* mem = allocate(size);
    T* cell = new (mem) T(std::forward<Args>(args)...);
    link(cell, kind, size);
    return cell;
  }

  void collect();

  // Marking, called from trace functions.
  void mark(Value v) {
    if (v.is_heap()) mark(v.as_cell());
  }
  void mark(Cell* c) {
    if (c != nullptr && !c->marked_) {
      c->marked_ = 1;
      gray_.push_back(c);
    }
  }

  // Memory held outside cells (out-of-line slots, element arrays, flattened
  // rope buffers) is reported here so limits and GC pacing see it.
  void add_external(std::size_t bytes) { external_bytes_ += bytes; }
  void remove_external(std::size_t bytes) { external_bytes_ -= bytes; }

  std::size_t bytes_in_use() const { return cell_bytes_ + external_bytes_; }
  std::uint64_t collections() const { return collections_; }
  std::uint64_t total_allocated() const { return total_allocated_; }

  void set_limit(std::size_t bytes) { limit_ = bytes; }
  std::size_t limit() const { return limit_; }
  void set_stress(bool on) { stress_ = on; }
  // While > 0, allocation neither collects nor enforces the limit (used to
  // build the out-of-memory error itself and during bootstrap).
  void enter_no_gc() { ++no_gc_; }
  void leave_no_gc() { --no_gc_; }

  // Called by allocation paths of external memory to honour the limit.
  void check_limit_for(std::size_t extra);

 private:
  void* allocate(std::size_t size);
  void link(Cell* cell, CellKind kind, std::size_t size);
  void mark_roots();
  void drain();
  void sweep();
  void throw_out_of_memory();

  VM& vm_;
  Cell* all_ = nullptr;
  std::vector<Cell*> gray_;
  std::size_t cell_bytes_ = 0;
  std::size_t external_bytes_ = 0;
  std::size_t next_gc_ = 4u << 20;
  std::size_t limit_ = 0;
  std::uint64_t collections_ = 0;
  std::uint64_t total_allocated_ = 0;
  int no_gc_ = 0;
  bool stress_ = false;
  bool collecting_ = false;
};

}  // namespace kite::vm
