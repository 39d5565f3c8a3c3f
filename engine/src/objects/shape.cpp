#include "objects/shape.h"

#include "heap/heap.h"
#include "objects/object.h"
#include "vm/vm.h"

namespace kite::vm {

Shape::Shape(Shape* parent, Object* proto, PropertyKey key, std::uint8_t attrs, bool dictionary)
    : parent_(parent),
      proto_(proto),
      key_(key),
      count_(parent != nullptr ? parent->count_ + 1 : 0),
      attrs_(attrs),
      dictionary_(dictionary) {}

Shape::~Shape() {
  delete entries_;
  delete index_;
}

void Shape::build_table() {
  entries_ = new std::vector<Entry>(count_);
  std::uint32_t i = count_;
  for (Shape* s = this; s != nullptr && s->parent_ != nullptr; s = s->parent_) {
    (*entries_)[--i] = Entry{s->key_, s->attrs_};
  }
  if (count_ > 8) {
    index_ = new PropertyIndex();
    for (std::uint32_t j = 0; j < count_; ++j) index_->insert((*entries_)[j].key, j);
  }
}

const std::vector<Shape::Entry>& Shape::entries() {
  if (entries_ == nullptr) build_table();
  return *entries_;
}

std::int32_t Shape::lookup(PropertyKey key, std::uint8_t* attrs) {
  if (count_ == 0) return -1;
  if (key_ == key) {
    *attrs = attrs_;
    return static_cast<std::int32_t>(count_ - 1);
  }
  if (count_ <= 4 && entries_ == nullptr) {
    for (Shape* s = parent_; s != nullptr && s->parent_ != nullptr; s = s->parent_) {
      if (s->key_ == key) {
        *attrs = s->attrs_;
        return static_cast<std::int32_t>(s->count_ - 1);
      }
    }
    return -1;
  }
  if (entries_ == nullptr) build_table();
  if (index_ != nullptr) {
    std::uint32_t i = index_->find(key);
    if (i == PropertyIndex::kNotFound) return -1;
    *attrs = (*entries_)[i].attrs;
    return static_cast<std::int32_t>(i);
  }
  for (std::uint32_t i = 0; i < count_; ++i) {
    if ((*entries_)[i].key == key) {
      *attrs = (*entries_)[i].attrs;
      return static_cast<std::int32_t>(i);
    }
  }
  return -1;
}

bool Shape::has_key(PropertyKey key) const {
  if (index_ != nullptr) return index_->find(key) != PropertyIndex::kNotFound;
  for (const Shape* s = this; s != nullptr && s->parent_ != nullptr; s = s->parent_) {
    if (s->key_ == key) return true;
  }
  return false;
}

Shape* Shape::add(VM& vm, PropertyKey key, std::uint8_t attrs) {
  for (const Transition& t : transitions_) {
    if (t.key == key && t.attrs == attrs) return t.child;
  }
  if (count_ + 1 > kMaxProperties || transitions_.size() >= kMaxTransitions) return nullptr;
  Rooted keep(vm, Value::cell(this));
  Shape* child = vm.heap().make<Shape>(CellKind::kShape, 0, this, proto_, key, attrs, false);
  transitions_.push_back(Transition{key, attrs, child});
  return child;
}

void Shape::trace(Heap& heap) {
  heap.mark(parent_);
  if (proto_ != nullptr) heap.mark(proto_);
  heap.mark(key_.as_value());
  for (const Transition& t : transitions_) heap.mark(t.child);
}

}  // namespace kite::vm
