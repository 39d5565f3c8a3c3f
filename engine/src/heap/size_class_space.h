// SizeClassSpace: the memory of small cells, segregated by size class.
//
// A cell of up to kMaxCellSize bytes lives in a slot of the smallest size
// class that fits it. Memory comes in pages of kPageSize bytes, aligned to
// their size; each page serves one class and is carved into equal slots
// after a small header. Each class has a free list (threaded through the
// free slots' Cell::gc_next_, with Cell::marked_ == kFreeSlot) and a
// current page whose never-used tail is handed out by bumping a pointer.
//
// Allocation pops the free list, else bumps in the current page, else
// starts a new current page (a spare empty page, else a new one). The
// first two are inline: for a cell type of constant size the class and
// slot size fold to constants.
//
// sweep() walks every page slot by slot: marked cells are unmarked,
// unmarked cells are finalized (by the caller's function) and become free
// slots, and the free list of each class is rebuilt in address order, so
// allocation fills the holes of old pages first. A page left with no live
// cell joins a pool of spare empty pages (any class can take one);
// release_spare_pages() gives the pool beyond a budget back to the kernel.
//
// Under AddressSanitizer the body of a free slot and the unused part of a
// page are poisoned, so a use of a collected cell is reported as it would
// be with a malloc per cell.
//
// The space only manages memory: it does not know roots, marking or what a
// cell holds. Not thread-safe (one per Heap).
#pragma once

#include <sanitizer/asan_interface.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <vector>

#include "heap/cell.h"

namespace kite::vm {

class Heap;

class SizeClassSpace {
 public:
  static constexpr std::size_t kPageSize = std::size_t{64} * 1024;
  static constexpr std::size_t kMaxCellSize = 512;
  static constexpr std::size_t kCellAlignment = 8;

  // Slot sizes. Chosen from the cells the JS microbenches allocate (counted
  // by size over gcPressure, objectCreate, jsonOps, httpHandler,
  // stringConcat, httpHandlerHeavy): Object with 4 inline slots 104 bytes
  // (55% of all cells), flat String 56 + length (56-85, 37%), Array 72 (104 with its inline
  // elements), Shape 88, NativeFunction 112, JSFunction 128, Environment 32 + 8 per slot. An 8-byte
  // step up to 128 fits all of those exactly; the few bigger cells (function templates, longer
  // strings) get coarser steps.
  static constexpr std::uint16_t kSlotSizes[] = {16,  24,  32,  40,  48,  56,  64,  72,  80,
                                                 88,  96,  104, 112, 120, 128, 144, 160, 176,
                                                 192, 224, 256, 320, 384, 448, 512};
  static constexpr unsigned kClassCount = std::size(kSlotSizes);

  // The size class of a cell of `size` bytes (size <= kMaxCellSize).
  static constexpr unsigned class_of(std::size_t size) {
    return kClassOfGranule[(size + kCellAlignment - 1) / kCellAlignment];
  }
  static constexpr std::size_t slot_size(unsigned size_class) { return kSlotSizes[size_class]; }

  // Finalizes a dead cell (runs its destructor and frees what it owns).
  using Finalizer = void (*)(Heap& heap, Cell* cell);

  SizeClassSpace() = default;
  // Frees every page; finalize_all() must have run first.
  ~SizeClassSpace();
  SizeClassSpace(const SizeClassSpace&) = delete;
  SizeClassSpace& operator=(const SizeClassSpace&) = delete;

  // A slot of `size_class` for a cell of `size` bytes; its header is not
  // initialized. Throws std::bad_alloc when no page can be had.
  void* allocate(unsigned size_class, [[maybe_unused]] std::size_t size) {
    SizeClass& c = classes_[size_class];
    if (Cell* slot = c.free; slot != nullptr) {
      c.free = slot->gc_next_;
      ASAN_UNPOISON_MEMORY_REGION(slot, size);
      return slot;
    }
    if (c.bump != c.bump_end) {
      char* slot = c.bump;
      c.bump += slot_size(size_class);
      ASAN_UNPOISON_MEMORY_REGION(slot, size);
      return slot;
    }
    return allocate_in_new_page(size_class, size);
  }

  // Finalizes every cell with Cell::marked_ == kUnmarked, unmarks the
  // others and rebuilds the free lists. Returns the slot bytes freed.
  std::size_t sweep(Heap& heap, Finalizer finalize);
  // Finalizes every cell, live or not (the heap's destruction).
  void finalize_all(Heap& heap, Finalizer finalize);
  // Returns spare empty pages to the kernel until at most `keep` are left.
  void release_spare_pages(std::size_t keep);

  // Every page held (spare ones included), and the spare ones alone.
  std::size_t page_count() const { return page_count_; }
  std::size_t spare_page_count() const { return spare_count_; }
  // Whether `p` points into a page of this space; if so, its size class in
  // *size_class. Walks the page lists: for tests and assertions.
  bool owns(const void* p, unsigned* size_class = nullptr) const;

 private:
  struct Page {
    Page* next;
    char* top;  // end of the slots handed out (synced from bump for a current page)
    unsigned size_class;
  };
  static constexpr std::size_t kPageHeaderSize = 32;
  static_assert(sizeof(Page) <= kPageHeaderSize);
  static_assert(kPageHeaderSize % kCellAlignment == 0);

  struct SizeClass {
    Cell* free = nullptr;      // free list
    char* bump = nullptr;      // next never-used slot of the current page
    char* bump_end = nullptr;  // end of the current page's slots
    Page* current = nullptr;   // the page bump allocates from (also in pages)
    Page* pages = nullptr;     // every page of this class
  };

  static char* slots_of(Page* page) { return reinterpret_cast<char*>(page) + kPageHeaderSize; }
  static char* slots_end(Page* page) {
    std::size_t slot = slot_size(page->size_class);
    return slots_of(page) + (kPageSize - kPageHeaderSize) / slot * slot;
  }

  void* allocate_in_new_page(unsigned size_class, std::size_t size);
  void sync_current_pages();
  void make_spare(Page* page);
  Page* new_page();
  void release_page(Page* page);

  static constexpr auto kClassOfGranule = [] {
    std::array<std::uint8_t, kMaxCellSize / kCellAlignment + 1> table{};
    unsigned c = 0;
    for (std::size_t granule = 0; granule < table.size(); ++granule) {
      while (kSlotSizes[c] < granule * kCellAlignment) ++c;
      table[granule] = static_cast<std::uint8_t>(c);
    }
    return table;
  }();
  static_assert(kSlotSizes[kClassCount - 1] == kMaxCellSize);

  std::array<SizeClass, kClassCount> classes_{};
  Page* spare_ = nullptr;
  // Pages are carved from chunks of kChunkPages pages, each reserved by one
  // mmap and aligned to kPageSize: one system call per chunk instead of one
  // aligned malloc (an mmap of twice the page, plus a page fault on its
  // header) per page; the engine's set-up alone used 12 pages. A released
  // page's memory goes back to the kernel (MADV_DONTNEED) and the page
  // waits in released_ to be reused before the chunk is carved further.
  static constexpr std::size_t kChunkPages = 16;
  std::vector<void*> chunks_;
  char* carve_ = nullptr;
  char* carve_end_ = nullptr;
  std::vector<Page*> released_;
  std::size_t page_count_ = 0;
  std::size_t spare_count_ = 0;
};

}  // namespace kite::vm
