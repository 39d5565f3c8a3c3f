// Pages of equal slots per size class: page setup, sweeping, spare pages.
#include "heap/size_class_space.h"

#include <cstdlib>
#include <new>

namespace kite::vm {

SizeClassSpace::~SizeClassSpace() {
  for (SizeClass& c : classes_) {
    while (Page* page = c.pages) {
      c.pages = page->next;
      free_page(page);
    }
  }
  while (Page* page = spare_) {
    spare_ = page->next;
    free_page(page);
  }
}

void* SizeClassSpace::allocate_in_new_page(unsigned size_class, std::size_t size) {
  Page* page = spare_;
  if (page != nullptr) {
    spare_ = page->next;
    --spare_count_;
  } else {
    page = static_cast<Page*>(std::aligned_alloc(kPageSize, kPageSize));
    if (page == nullptr) throw std::bad_alloc();
    ASAN_POISON_MEMORY_REGION(slots_of(page), kPageSize - kPageHeaderSize);
    ++page_count_;
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
    --page_count_;
    free_page(page);
  }
}

void SizeClassSpace::free_page(Page* page) {
  ASAN_UNPOISON_MEMORY_REGION(page, kPageSize);
  std::free(page);
}

bool SizeClassSpace::owns(const void* p, unsigned* size_class) const {
  auto addr = reinterpret_cast<std::uintptr_t>(p);
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
