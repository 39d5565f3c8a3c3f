// Heap: allocation and the precise, non-moving mark-sweep collector.
//
// Allocation. With KITE_OPT_SIZE_CLASS_HEAP (docs/perf-flags.md), a cell of
// up to SizeClassSpace::kMaxCellSize (512) bytes takes a slot of its size
// class in a 64 KiB page of equal slots (heap/size_class_space.h): the
// head of the class's free list, else the next never-used slot of the
// class's current page. make() and that fast path are inline; one compare
// of bytes_in_use() against fast_limit_ (the lower of next_gc_ and the
// limit, 0 in stress mode) decides whether the out-of-line path, which may
// collect or throw, must run (inline: 5% fewer instructions on
// js/stringConcat, 3% on js/objectCreate than the same path out of line,
// `kite-bench check --metric instructions`). Larger cells are malloc'd and
// linked into the heap's list of malloc'd cells (through Cell::gc_next_).
// With the flag off every cell is malloc'd and linked into that list.
//
// Collection. Marks from the VM's roots (register stack, frames, globals,
// intrinsics, Rooted<> handles, the pending exception) with a gray
// worklist; weak collections met on the way are processed once the strong
// graph is marked (process_weak: ephemerons, cleared WeakRefs, queued
// FinalizationRegistry callbacks); then sweeps: the pages slot by slot (an unmarked cell is
// finalized and its slot goes back on its class's free list; a page left
// empty becomes a spare page) and the list of malloc'd cells (an unmarked
// cell is finalized and freed). Finalizing runs the cell's destructor and
// frees what it owns outside the heap (a flattened string's buffer, an
// object's out-of-line slots, elements and extra state).
//
// Pacing and accounting. bytes_in_use() counts slot bytes of small cells
// (not the bytes requested), the size of malloc'd cells and the external
// bytes reported by add_external(). An allocation collects first when
// bytes_in_use() has reached next_gc_, always in stress mode, and before
// going past the memory limit (then a RangeError "out of memory" if it
// still does not fit). next_gc_ is twice the bytes live after the previous
// collection, at least 4 MiB (a floor of 1 or 16 MiB changed the
// allocation-bound microbenches by under 2% in instructions and not
// measurably in time). After a collection the spare pages beyond what the
// heap may grow into before the next one (next_gc_ minus the live bytes)
// are returned to malloc.
//
// A collection can happen at any allocation, so native code must keep every
// Value it still needs after an allocation in a Rooted<> (or in a register).
// Not thread-safe: one Heap per VM per thread.
#pragma once

#include <kite/perf_flags.h>

#include <cstddef>
#include <cstdint>
#include <new>
#include <utility>
#include <vector>

#include "heap/cell.h"
#include "heap/size_class_space.h"
#include "objects/value.h"

namespace kite::vm {

class Object;
class VM;

class Heap {
 public:
  // The collection threshold never goes below this (EngineOptions can
  // lower it: a server worker with a small live set keeps its RSS down).
  static constexpr std::size_t kMinNextGc = 4u << 20;
  void set_min_threshold(std::size_t bytes) {
    min_next_gc_ = bytes;
    if (next_gc_ > bytes && collections_ == 0) next_gc_ = bytes;
    update_fast_limit();
  }

  explicit Heap(VM& vm);
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  // Allocates and constructs a T with `extra` trailing bytes. May collect
  // first (every Value not rooted may be freed) and may throw a RangeError
  // ("out of memory") when the memory limit is reached.
  template <typename T, typename... Args>
  T* make(CellKind kind, std::size_t extra, Args&&... args) {
    static_assert(alignof(T) <= SizeClassSpace::kCellAlignment);
    std::size_t size = sizeof(T) + extra;
    void* mem = allocate(size);
    T* cell = new (mem) T(std::forward<Args>(args)...);
    init_header(cell, kind, size);
    return cell;
  }

  void collect();

  // Marking, called from trace functions.
  void mark(Value v) {
    if (v.is_heap()) mark(v.as_cell());
  }
  void mark(Cell* c) {
    if (c != nullptr && c->marked_ == Cell::kUnmarked) {
      c->marked_ = Cell::kMarked;
      gray_.push_back(c);
    }
  }

  // A weak collection met while marking (Object::trace_weak): processed
  // once everything strongly reachable is marked.
  void add_weak(Object* o) { weak_.push_back(o); }

  // Memory held outside cells (out-of-line slots, element arrays, flattened
  // rope buffers) is reported here so limits and GC pacing see it.
  void add_external(std::size_t bytes) { external_bytes_ += bytes; }
  void remove_external(std::size_t bytes) { external_bytes_ -= bytes; }

  std::size_t bytes_in_use() const { return cell_bytes_ + external_bytes_; }
  std::uint64_t collections() const { return collections_; }
  std::uint64_t total_allocated() const { return total_allocated_; }

  void set_limit(std::size_t bytes) {
    limit_ = bytes;
    update_fast_limit();
  }
  std::size_t limit() const { return limit_; }
  void set_stress(bool on) {
    stress_ = on;
    update_fast_limit();
  }
  // While > 0, allocation neither collects nor enforces the limit (used to
  // build the out-of-memory error itself and during bootstrap).
  void enter_no_gc() { ++no_gc_; }
  void leave_no_gc() { --no_gc_; }

  // Called by allocation paths of external memory to honour the limit.
  void check_limit_for(std::size_t extra);

#if KITE_OPT_SIZE_CLASS_HEAP
  // The pages of small cells (for tests).
  const SizeClassSpace& space() const {
    return space_;
  }
#endif

 private:
#if KITE_OPT_SIZE_CLASS_HEAP
  void* allocate(std::size_t size) {
    if (size <= SizeClassSpace::kMaxCellSize) {
      unsigned size_class = SizeClassSpace::class_of(size);
      std::size_t slot = SizeClassSpace::slot_size(size_class);
      if (bytes_in_use() + slot <= fast_limit_) {
        void* mem = space_.allocate(size_class, size);
        cell_bytes_ += slot;
        total_allocated_ += slot;
        return mem;
      }
    }
    return allocate_slow(size);
  }
  void* allocate_slow(std::size_t size);
  void init_header(Cell* cell, CellKind kind, std::size_t size) {
    cell->kind_ = kind;
    cell->marked_ = Cell::kUnmarked;
    if (size > SizeClassSpace::kMaxCellSize) link_malloced(cell, size);
  }
  void update_fast_limit() {
    fast_limit_ = stress_ ? 0 : limit_ != 0 && limit_ < next_gc_ ? limit_ : next_gc_;
  }
#else
  void* allocate(std::size_t size);
  void init_header(Cell* cell, CellKind kind, std::size_t size) {
    cell->kind_ = kind;
    cell->marked_ = Cell::kUnmarked;
    link_malloced(cell, size);
  }
  void update_fast_limit() {}
#endif
  void make_room(std::size_t bytes);
  void* malloc_cell(std::size_t size);
  void link_malloced(Cell* cell, std::size_t size) {
    cell->gc_size_ = static_cast<std::uint32_t>(size);
    cell->gc_next_ = malloced_;
    malloced_ = cell;
  }
  void drain();
  void process_weak();
  void sweep();
  void sweep_malloced();
  void throw_out_of_memory();

  VM& vm_;
#if KITE_OPT_SIZE_CLASS_HEAP
  SizeClassSpace space_;
  std::size_t fast_limit_ = 0;  // allocations up to here need no check (update_fast_limit)
#endif
  Cell* malloced_ = nullptr;  // every malloc'd cell, through gc_next_
  std::vector<Cell*> gray_;
  std::vector<Object*> weak_;  // weak collections marked in this collection
  std::size_t cell_bytes_ = 0;
  std::size_t external_bytes_ = 0;
  std::size_t next_gc_ = kMinNextGc;
  std::size_t min_next_gc_ = kMinNextGc;
  std::size_t limit_ = 0;
  std::uint64_t collections_ = 0;
  std::uint64_t total_allocated_ = 0;
  int no_gc_ = 0;
  bool stress_ = false;
  bool collecting_ = false;
};

}  // namespace kite::vm
