// PropertyMap: entries in insertion order with a PropertyIndex from key to
// position. A removed entry stays as a tombstone until they make up more
// than half of a map of over 32 entries; then the map is compacted.
#include "objects/property_map.h"

#include <utility>
#include <vector>

#include "heap/heap.h"

namespace kite::vm {

Property* PropertyMap::find(PropertyKey key) {
  std::uint32_t i = index_.find(key);
  return i == PropertyIndex::kNotFound ? nullptr : &entries_[i].prop;
}

void PropertyMap::set(PropertyKey key, Property p) {
  std::uint32_t i = index_.find(key);
  if (i != PropertyIndex::kNotFound) {
    entries_[i].prop = p;
    return;
  }
  index_.insert(key, static_cast<std::uint32_t>(entries_.size()));
  entries_.push_back(Entry{key, p, false});
}

bool PropertyMap::remove(PropertyKey key) {
  std::uint32_t i = index_.find(key);
  if (i == PropertyIndex::kNotFound) return false;
  Entry& e = entries_[i];
  e.deleted = true;
  e.prop.value = Value::undefined();
  index_.erase(key);
  if (entries_.size() > 32 && std::size_t{index_.size()} * 2 < entries_.size()) compact();
  return true;
}

void PropertyMap::compact() {
  std::vector<Entry> kept;
  kept.reserve(index_.size());
  index_.clear();
  for (const Entry& e : entries_) {
    if (e.deleted) continue;
    index_.insert(e.key, static_cast<std::uint32_t>(kept.size()));
    kept.push_back(e);
  }
  entries_ = std::move(kept);
}

void PropertyMap::trace(Heap& heap) {
  for (const Entry& e : entries_) {
    if (e.deleted) continue;
    heap.mark(e.key.as_value());
    heap.mark(e.prop.value);
  }
}

}  // namespace kite::vm
