// Pages of equal slots per size class: page setup, sweeping, spare pages.
#include "heap/size_class_space.h"

#include <sys/mman.h>

#include <cstdint>
#include <new>

namespace kite::vm {

SizeClassSpace::~SizeClassSpace() {
  for (void* chunk : chunks_) {
    ASAN_UNPOISON_MEMORY_REGION(chunk, kChunkPages * kPageSize);
    ::munmap(chunk, kChunkPages * kPageSize);
  }
}

SizeClassSpace::Page* SizeClassSpace::new_page() {
  Page* page;
  if (!released_.empty()) {
    page = released_.back();
    released_.pop_back();
    ASAN_UNPOISON_MEMORY_REGION(page, kPageHeaderSize);
  } else {
    if (carve_ == carve_end_) {
      // Reserve a chunk and a page more, then trim to a kPageSize-aligned
      // chunk (mmap only promises OS-page alignment).
      std::size_t bytes = kChunkPages * kPageSize;
      void* mem = ::mmap(nullptr, bytes + kPageSize, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (mem == MAP_FAILED) throw std::bad_alloc();
      auto start = reinterpret_cast<std::uintptr_t>(mem);
      std::uintptr_t aligned = (start + kPageSize - 1) & ~(kPageSize - 1);
      if (aligned > start) ::munmap(mem, aligned - start);
      std::uintptr_t tail = start + bytes + kPageSize - (aligned + bytes);
      // The chunk's bounds are computed as integers to align them.
      // NOLINTBEGIN(performance-no-int-to-ptr)
      if (tail > 0) ::munmap(reinterpret_cast<void*>(aligned + bytes), tail);
      chunks_.push_back(reinterpret_cast<void*>(aligned));
      carve_ = reinterpret_cast<char*>(aligned);
      // NOLINTEND(performance-no-int-to-ptr)
      carve_end_ = carve_ + bytes;
    }
    page = reinterpret_cast<Page*>(carve_);
    carve_ += kPageSize;
  }
  ASAN_POISON_MEMORY_REGION(slots_of(page), kPageSize - kPageHeaderSize);
  ++page_count_;
  return page;
}

void SizeClassSpace::release_page(Page* page) {
  ASAN_POISON_MEMORY_REGION(page, kPageSize);
  ::madvise(page, kPageSize, MADV_DONTNEED);
  released_.push_back(page);  // not linked through the page: it stays untouched
  --page_count_;
}

void* SizeClassSpace::allocate_in_new_page(unsigned size_class, std::size_t size) {
  Page* page = spare_;
  if (page != nullptr) {
    spare_ = page->next;
    --spare_count_;
  } else {
    page = new_page();
  }
  SizeClass& c = classes_[size_class];
  if (c.current != nullptr) c.current->top = c.bump;
  page->size_class = size_class;
  page->top = slots_of(page);
  page->next = c.pages;
  c.pages = page;
  c.current = page;
  c.bump = slots_of(page);
  c.bump_end = slots_end(page);
  return allocate(size_class, size);
}

void SizeClassSpace::sync_current_pages() {
  for (SizeClass& c : classes_) {
    if (c.current != nullptr) c.current->top = c.bump;
  }
}

std::size_t SizeClassSpace::sweep(Heap& heap, Finalizer finalize) {
  sync_current_pages();
  std::size_t freed = 0;
  for (unsigned size_class = 0; size_class < kClassCount; ++size_class) {
    SizeClass& c = classes_[size_class];
    const std::size_t slot = slot_size(size_class);
    Cell** tail = &c.free;
    Page** link = &c.pages;
    while (Page* page = *link) {
      Cell** page_first = tail;
      bool live = false;
      for (char* p = slots_of(page); p < page->top; p += slot) {
        auto* cell = reinterpret_cast<Cell*>(p);
        if (cell->marked_ == Cell::kMarked) {
          cell->marked_ = Cell::kUnmarked;
          live = true;
          continue;
        }
        if (cell->marked_ == Cell::kUnmarked) {
          finalize(heap, cell);
          cell->marked_ = Cell::kFreeSlot;
          ASAN_POISON_MEMORY_REGION(p + sizeof(Cell), slot - sizeof(Cell));
          freed += slot;
        }
        *tail = cell;
        tail = &cell->gc_next_;
      }
      if (live) {
        link = &page->next;
        continue;
      }
      // No live cell: take the page's slots back off the free list.
      tail = page_first;
      if (page == c.current) {
        page->top = slots_of(page);
        c.bump = slots_of(page);
        link = &page->next;
      } else {
        *link = page->next;
        make_spare(page);
      }
    }
    *tail = nullptr;
  }
  return freed;
}

void SizeClassSpace::make_spare(Page* page) {
  ASAN_POISON_MEMORY_REGION(slots_of(page), kPageSize - kPageHeaderSize);
  page->next = spare_;
  spare_ = page;
  ++spare_count_;
}

void SizeClassSpace::finalize_all(Heap& heap, Finalizer finalize) {
  sync_current_pages();
  for (unsigned size_class = 0; size_class < kClassCount; ++size_class) {
    SizeClass& c = classes_[size_class];
    const std::size_t slot = slot_size(size_class);
    for (Page* page = c.pages; page != nullptr; page = page->next) {
      for (char* p = slots_of(page); p < page->top; p += slot) {
        auto* cell = reinterpret_cast<Cell*>(p);
        if (cell->marked_ != Cell::kFreeSlot) {
          finalize(heap, cell);
          cell->marked_ = Cell::kFreeSlot;
        }
      }
    }
  }
}

void SizeClassSpace::release_spare_pages(std::size_t keep) {
  while (spare_count_ > keep) {
    Page* page = spare_;
    spare_ = page->next;
    --spare_count_;
    release_page(page);
  }
}

bool SizeClassSpace::owns(const void* p, unsigned* size_class) const {
  auto addr = reinterpret_cast<std::uintptr_t>(p);
  // A page is kPageSize-aligned: its header is the address rounded down.
  // NOLINTNEXTLINE(performance-no-int-to-ptr)
  auto* page = reinterpret_cast<const Page*>(addr & ~(kPageSize - 1));
  for (const SizeClass& c : classes_) {
    for (const Page* q = c.pages; q != nullptr; q = q->next) {
      if (q != page) continue;
      if (size_class != nullptr) *size_class = q->size_class;
      return true;
    }
  }
  return false;
}

}  // namespace kite::vm
