// Heap: the allocation entry points and the mark-sweep collector. Marking
// is iterative (a gray worklist), so deep object graphs cannot overflow the
// C++ stack.
#include "heap/heap.h"

#include <algorithm>
#include <cstdlib>

#include "objects/accessor_pair.h"
#include "objects/bigint.h"
#include "objects/environment.h"
#include "objects/function.h"
#include "objects/object.h"
#include "objects/ordered_table.h"
#include "objects/shape.h"
#include "objects/string.h"
#include "objects/symbol.h"
#include "vm/function_template.h"
#include "vm/jobs.h"
#include "vm/vm.h"

namespace kite::vm {

Heap::Heap(VM& vm) : vm_(vm) {
  update_fast_limit();
}

static void finalize(Heap& heap, Cell* c);

Heap::~Heap() {
  // Free everything: finalize every cell, live or not.
#if KITE_OPT_SIZE_CLASS_HEAP
  space_.finalize_all(*this, finalize);
#endif
  for (Cell* c = malloced_; c != nullptr; c = c->gc_next_) c->marked_ = Cell::kUnmarked;
  sweep_malloced();
}

#if KITE_OPT_SIZE_CLASS_HEAP
void* Heap::allocate_slow(std::size_t size) {
  bool small = size <= SizeClassSpace::kMaxCellSize;
  unsigned size_class = small ? SizeClassSpace::class_of(size) : 0;
  std::size_t bytes = small ? SizeClassSpace::slot_size(size_class) : size;
  make_room(bytes);
  void* mem = small ? space_.allocate(size_class, size) : malloc_cell(size);
  cell_bytes_ += bytes;
  total_allocated_ += bytes;
  return mem;
}
#else
void* Heap::allocate(std::size_t size) {
  make_room(size);
  void* mem = malloc_cell(size);
  cell_bytes_ += size;
  total_allocated_ += size;
  return mem;
}
#endif

// Collects when one is due and enforces the limit, before `bytes` more are
// allocated.
void Heap::make_room(std::size_t bytes) {
  if (no_gc_ != 0 || collecting_) return;
  if (stress_ || bytes_in_use() >= next_gc_) collect();
  if (limit_ != 0 && bytes_in_use() + bytes > limit_) {
    collect();
    if (bytes_in_use() + bytes > limit_) throw_out_of_memory();
  }
}

void* Heap::malloc_cell(std::size_t size) {
  void* mem = std::malloc(size);
  if (mem == nullptr) throw std::bad_alloc();
  return mem;
}

void Heap::check_limit_for(std::size_t extra) {
  if (no_gc_ != 0 || collecting_) return;
  if (bytes_in_use() + extra >= next_gc_) collect();
  if (limit_ != 0 && bytes_in_use() + extra > limit_) {
    collect();
    if (bytes_in_use() + extra > limit_) throw_out_of_memory();
  }
}

void Heap::throw_out_of_memory() {
  enter_no_gc();
  Object* error = vm_.make_error(ErrorType::kRangeError, "out of memory");
  leave_no_gc();
  vm_.throw_value(Value::object(error));
}

void Heap::collect() {
  if (collecting_) return;
  collecting_ = true;
  ++collections_;
  vm_.trace_roots(*this);
  drain();
  process_weak();
  vm_.sweep_atoms();
  sweep();
  std::size_t live = bytes_in_use();
  next_gc_ = std::max<std::size_t>(live * 2, min_next_gc_);
  if (limit_ != 0 && next_gc_ > limit_) next_gc_ = limit_;
#if KITE_OPT_SIZE_CLASS_HEAP
  // Keep the spare pages the heap may grow back into before the next
  // collection; more would only hold memory.
  std::size_t headroom = next_gc_ > live ? next_gc_ - live : 0;
  space_.release_spare_pages(headroom / SizeClassSpace::kPageSize);
#endif
  update_fast_limit();
  collecting_ = false;
}

namespace {

bool dead(Value v) {
  return v.is_heap() && !v.as_cell()->is_marked();
}

}  // namespace

// Weak collections (ECMA-262 9.9-9.10, 24.3-24.4, 26.1-26.2). A WeakMap's
// value is marked once its key is (ephemerons: repeated until nothing more
// gets marked); then entries, WeakRef targets and registrations whose key or
// target stayed unmarked are dropped, and each dropped registration queues
// its registry's cleanup callback with the held value as a job.
void Heap::process_weak() {
  bool marked_more = true;
  while (marked_more) {
    marked_more = false;
    for (std::size_t i = 0; i < weak_.size(); ++i) {
      Object* o = weak_[i];
      if (o->klass() != ObjectClass::kWeakMap) continue;
      for (const auto& e : o->extra()->table->entries()) {
        if (e.deleted || dead(e.key) || !e.value.is_heap() || e.value.as_cell()->is_marked()) {
          continue;
        }
        mark(e.value);
        marked_more = true;
      }
    }
    drain();  // may reach more weak collections
  }
  for (Object* o : weak_) {
    switch (o->klass()) {
      case ObjectClass::kWeakMap:
      case ObjectClass::kWeakSet: {
        OrderedTable* t = o->extra()->table;
        std::vector<Value> gone;
        for (const auto& e : t->entries()) {
          if (!e.deleted && dead(e.key)) gone.push_back(e.key);
        }
        for (Value k : gone) t->remove(k);
        break;
      }
      case ObjectClass::kWeakRef:
        if (dead(o->internal())) o->set_internal(Value::undefined());
        break;
      case ObjectClass::kFinalizationRegistry: {
        std::vector<WeakCell>* cells = o->extra() != nullptr ? o->extra()->cells : nullptr;
        if (cells == nullptr) break;
        std::size_t kept = 0;
        for (WeakCell& c : *cells) {
          if (dead(c.token)) c.token = Value::undefined();
          if (dead(c.target)) {
            vm_.jobs().push(Job{Job::Kind::kCleanup, o->internal(), c.held, Value::undefined()});
            continue;
          }
          (*cells)[kept++] = c;
        }
        cells->resize(kept);
        break;
      }
      default:
        break;
    }
  }
  weak_.clear();
}

static void trace_cell(Heap& heap, Cell* c) {
  switch (c->kind()) {
    case CellKind::kString: {
      auto* s = static_cast<String*>(c);
      heap.mark(s->rope_left());
      heap.mark(s->rope_right());
      break;
    }
    case CellKind::kSymbol:
      heap.mark(static_cast<Symbol*>(c)->description);
      break;
    case CellKind::kObject:
      static_cast<Object*>(c)->trace(heap);
      break;
    case CellKind::kShape:
      static_cast<Shape*>(c)->trace(heap);
      break;
    case CellKind::kFunctionTemplate:
      static_cast<FunctionTemplate*>(c)->trace(heap);
      break;
    case CellKind::kEnvironment:
      static_cast<Environment*>(c)->trace(heap);
      break;
    case CellKind::kAccessorPair:
      static_cast<AccessorPair*>(c)->trace(heap);
      break;
    case CellKind::kIterator:
    case CellKind::kBigInt:
      break;
  }
}

void Heap::drain() {
  while (!gray_.empty()) {
    Cell* c = gray_.back();
    gray_.pop_back();
    trace_cell(*this, c);
  }
}

static void finalize(Heap& heap, Cell* c) {
  switch (c->kind()) {
    case CellKind::kString: {
      auto* s = static_cast<String*>(c);
      if (s->has_flat_buffer() && !s->is_rope() && s->chars8() != nullptr) {
        heap.remove_external(std::size_t{s->length()} * (s->is_one_byte() ? 1 : 2));
        std::free(const_cast<void*>(static_cast<const void*>(s->chars8())));
      }
      s->~String();
      break;
    }
    case CellKind::kSymbol:
      static_cast<Symbol*>(c)->~Symbol();
      break;
    case CellKind::kObject: {
      auto* o = static_cast<Object*>(c);
      o->free_storage(heap);
      if (o->klass() == ObjectClass::kBoundFunction) {
        static_cast<BoundFunction*>(o)->~BoundFunction();
      } else {
        o->~Object();
      }
      break;
    }
    case CellKind::kShape:
      static_cast<Shape*>(c)->~Shape();
      break;
    case CellKind::kFunctionTemplate:
      static_cast<FunctionTemplate*>(c)->~FunctionTemplate();
      break;
    case CellKind::kEnvironment:
      static_cast<Environment*>(c)->~Environment();
      break;
    case CellKind::kAccessorPair:
      static_cast<AccessorPair*>(c)->~AccessorPair();
      break;
    case CellKind::kBigInt:
      static_cast<BigInt*>(c)->~BigInt();
      break;
    case CellKind::kIterator:
      break;
  }
}

void Heap::sweep() {
#if KITE_OPT_SIZE_CLASS_HEAP
  cell_bytes_ -= space_.sweep(*this, finalize);
#endif
  sweep_malloced();
}

void Heap::sweep_malloced() {
  Cell** link = &malloced_;
  while (*link != nullptr) {
    Cell* c = *link;
    if (c->marked_ == Cell::kMarked) {
      c->marked_ = Cell::kUnmarked;
      link = &c->gc_next_;
    } else {
      *link = c->gc_next_;
      cell_bytes_ -= c->gc_size_;
      finalize(*this, c);
      std::free(c);
    }
  }
}

}  // namespace kite::vm
