#include "objects/ordered_table.h"

#include "heap/heap.h"

namespace kite::vm {

OrderedTable::Entry* OrderedTable::find(Value key) {
  auto it = index_.find(key.bits());
  return it == index_.end() ? nullptr : &entries_[it->second];
}

void OrderedTable::set(Value key, Value value) {
  if (Entry* e = find(key)) {
    e->value = value;
    return;
  }
  index_[key.bits()] = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back(Entry{key, value, false});
  ++live_;
}

bool OrderedTable::remove(Value key) {
  auto it = index_.find(key.bits());
  if (it == index_.end()) return false;
  Entry& e = entries_[it->second];
  e.deleted = true;
  e.key = Value::undefined();
  e.value = Value::undefined();
  index_.erase(it);
  --live_;
  maybe_compact();
  return true;
}

void OrderedTable::clear() {
  for (Entry& e : entries_) {
    e.deleted = true;
    e.key = Value::undefined();
    e.value = Value::undefined();
  }
  index_.clear();
  live_ = 0;
  maybe_compact();
}

void OrderedTable::maybe_compact() {
  if (iterators_ != 0) return;
  std::size_t dead = entries_.size() - live_;
  if (dead < 16 || dead < live_) return;
  std::vector<Entry> kept;
  kept.reserve(live_);
  index_.clear();
  for (const Entry& e : entries_) {
    if (e.deleted) continue;
    index_[e.key.bits()] = static_cast<std::uint32_t>(kept.size());
    kept.push_back(e);
  }
  entries_ = std::move(kept);
}

void OrderedTable::trace(Heap& heap) {
  for (const Entry& e : entries_) {
    if (e.deleted) continue;
    heap.mark(e.key);
    heap.mark(e.value);
  }
}

}  // namespace kite::vm
