// The mark-sweep collector. Marking is iterative (a gray worklist), so
// deep object graphs cannot overflow the C++ stack.
#include "heap/heap.h"

#include <cstdlib>

#include "objects/object.h"
#include "objects/shape.h"
#include "objects/string.h"
#include "vm/function_template.h"
#include "vm/vm.h"

namespace kite::vm {

Heap::Heap(VM& vm) : vm_(vm) {}

Heap::~Heap() {
  Cell* c = all_;
  while (c != nullptr) {
    Cell* next = c->gc_next_;
    c->marked_ = 0;
    c = next;
  }
  // Free everything: a final sweep with nothing marked.
  sweep();
}

void* Heap::allocate(std::size_t size) {
  if (no_gc_ == 0 && !collecting_) {
    if (stress_ || bytes_in_use() >= next_gc_) collect();
    if (limit_ != 0 && bytes_in_use() + size > limit_) {
      collect();
      if (bytes_in_use() + size > limit_) throw_out_of_memory();
    }
  }
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

void Heap::link(Cell* cell, CellKind kind, std::size_t size) {
  cell->kind_ = kind;
  cell->marked_ = 0;
  cell->gc_size_ = static_cast<std::uint32_t>(size);
  cell->gc_next_ = all_;
  all_ = cell;
  cell_bytes_ += size;
  total_allocated_ += size;
}

void Heap::collect() {
  if (collecting_) return;
  collecting_ = true;
  ++collections_;
  vm_.trace_roots(*this);
  drain();
  vm_.sweep_atoms();
  sweep();
  std::size_t live = bytes_in_use();
  next_gc_ = std::max<std::size_t>(live * 2, 4u << 20);
  if (limit_ != 0 && next_gc_ > limit_) next_gc_ = limit_;
  collecting_ = false;
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
        heap.remove_external(s->length() * (s->is_one_byte() ? 1u : 2u));
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
    case CellKind::kIterator:
      break;
  }
}

void Heap::sweep() {
  Cell** link = &all_;
  while (*link != nullptr) {
    Cell* c = *link;
    if (c->marked_) {
      c->marked_ = 0;
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
