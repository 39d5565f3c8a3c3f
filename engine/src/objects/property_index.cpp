#include "objects/property_index.h"

namespace kite::vm {

void PropertyIndex::erase(PropertyKey key) {
  if (count_ == 0) return;
  std::uint32_t mask = capacity_ - 1;
  std::uint32_t i = home(key, mask);
  while (slots_[i].key != key) {
    if (slots_[i].key.is_empty()) return;
    i = (i + 1) & mask;
  }
  // Backward-shift deletion: move each later entry of the run whose home
  // is not in (hole, entry] into the hole.
  for (std::uint32_t j = (i + 1) & mask; !slots_[j].key.is_empty(); j = (j + 1) & mask) {
    std::uint32_t h = home(slots_[j].key, mask);
    bool stays = i <= j ? (i < h && h <= j) : (i < h || h <= j);
    if (stays) continue;
    slots_[i] = slots_[j];
    i = j;
  }
  slots_[i] = Slot{};
  --count_;
}

void PropertyIndex::grow() {
  std::unique_ptr<Slot[]> old = std::move(slots_);
  std::uint32_t old_capacity = capacity_;
  capacity_ = old_capacity == 0 ? 16 : old_capacity * 2;
  slots_ = std::make_unique<Slot[]>(capacity_);
  for (std::uint32_t i = 0; i < old_capacity; ++i) {
    if (!old[i].key.is_empty()) place(old[i].key, old[i].position);
  }
}

}  // namespace kite::vm
