// PropertyIndex: a hash map from PropertyKey to a position (a slot or an
// entry number), for the property tables of shapes and dictionary objects.
//
// Open addressing with linear probing in one power-of-two array of
// {key, position} pairs, at most half full; erase shifts the following
// entries of the probe run back, so no tombstones accumulate. One flat
// array instead of std::unordered_map's node per key: dynamicProps (keyed
// reads and writes on a 16-property object, then a dictionary) ran 20% of
// its time in unordered_map::find before this table.
//
// Keys are not traced here: the owner (a Shape or a PropertyMap) keeps
// them alive. Not thread-safe.
#pragma once

#include <cstdint>
#include <memory>

#include "objects/property_key.h"

namespace kite::vm {

class PropertyIndex {
 public:
  static constexpr std::uint32_t kNotFound = 0xFFFF'FFFFu;

  // The position of `key`, or kNotFound.
  std::uint32_t find(PropertyKey key) const {
    if (count_ == 0) return kNotFound;
    std::uint32_t mask = capacity_ - 1;
    for (std::uint32_t i = home(key, mask);; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.key == key) return s.position;
      if (s.key.is_empty()) return kNotFound;
    }
  }

  // Maps `key` (not present yet) to `position`.
  void insert(PropertyKey key, std::uint32_t position) {
    if ((count_ + 1) * 2 > capacity_) grow();
    place(key, position);
    ++count_;
  }

  // Removes `key` if present.
  void erase(PropertyKey key);

  void clear() {
    for (std::uint32_t i = 0; i < capacity_; ++i) slots_[i] = Slot{};
    count_ = 0;
  }

  std::uint32_t size() const { return count_; }

 private:
  struct Slot {
    PropertyKey key;  // empty: a free slot
    std::uint32_t position = 0;
  };

  static std::uint32_t home(PropertyKey key, std::uint32_t mask) {
    return static_cast<std::uint32_t>(PropertyKeyHash{}(key)) & mask;
  }
  void place(PropertyKey key, std::uint32_t position) {
    std::uint32_t mask = capacity_ - 1;
    std::uint32_t i = home(key, mask);
    while (!slots_[i].key.is_empty()) i = (i + 1) & mask;
    slots_[i] = Slot{key, position};
  }
  void grow();

  std::unique_ptr<Slot[]> slots_;
  std::uint32_t capacity_ = 0;
  std::uint32_t count_ = 0;
};

}  // namespace kite::vm
