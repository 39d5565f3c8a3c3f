// OrderedTable: the insertion-ordered hash table behind Map and Set
// (ECMA-262 24.1, 24.2). Keys are normalized so that SameValueZero becomes
// bit equality: strings are atomized, numbers canonicalized (-0 -> +0,
// integral doubles -> int32). Deleted entries stay as tombstones while any
// iterator is live, so iteration during mutation follows the spec.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "objects/value.h"

namespace kite::vm {

class Heap;

class OrderedTable {
 public:
  struct Entry {
    Value key;
    Value value;
    bool deleted;
  };
  // `key` must already be normalized (VM::normalize_map_key).
  Entry* find(Value key);
  void set(Value key, Value value);
  bool remove(Value key);
  void clear();
  std::uint32_t size() const { return live_; }
  const std::vector<Entry>& entries() const { return entries_; }
  void add_iterator() { ++iterators_; }
  void remove_iterator() {
    if (iterators_ > 0) --iterators_;
  }
  void trace(Heap& heap);

 private:
  struct BitsHash {
    std::size_t operator()(std::uint64_t x) const {
      x ^= x >> 31;
      x *= 0x9E3779B97F4A7C15ull;
      return static_cast<std::size_t>(x ^ (x >> 29));
    }
  };
  void maybe_compact();
  std::vector<Entry> entries_;
  std::unordered_map<std::uint64_t, std::uint32_t, BitsHash> index_;
  std::uint32_t live_ = 0;
  std::uint32_t iterators_ = 0;
};

}  // namespace kite::vm
