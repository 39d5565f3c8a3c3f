// InlineCache: per-site memory of the shapes a property access has seen.
//
// A load site caches (receiver shape -> slot), optionally with the holder
// on the prototype chain (depth 1 or 2, whose shapes are checked too). A
// store site caches either an existing writable slot or a transition
// (old shape -> new shape, slot). Up to kEntries shapes are kept (most
// recent first); past that the site goes megamorphic and stops caching
// until it has missed kRecoverAfter more times, then starts afresh.
#pragma once

#include <cstdint>

#include "objects/property_key.h"
#include "objects/value.h"

namespace kite::vm {

class Cell;
class Object;
class Shape;
class VM;

struct ICEntry {
  Shape* shape = nullptr;      // receiver shape (nullptr = empty entry)
  Shape* new_shape = nullptr;  // store transitions: shape after the add
  Object* holder = nullptr;    // load from a prototype: the object holding the property
  Shape* holder_shape = nullptr;
  Shape* mid_shape = nullptr;  // depth-2 holder: the shape of the object in between
  Cell* key = nullptr;         // private element sites: the private name
  std::uint32_t slot = 0;
};

struct InlineCache {
  static constexpr int kEntries = 4;
  static constexpr std::uint32_t kRecoverAfter = 1000;
  ICEntry entries[kEntries];
  bool megamorphic = false;
  std::uint32_t mega_misses = 0;
};

// The slow paths of a cached load and store (vm/inline_cache.cpp), taken on
// a miss: the generic [[Get]] / [[Set]] (CreateDataProperty when `define`),
// recording in `ic` what the next access can reuse.
Value get_prop_slow(VM& vm, Value obj, PropertyKey key, InlineCache& ic);
void set_prop_slow(VM& vm, Value obj, PropertyKey key, Value v, InlineCache& ic, bool define);

}  // namespace kite::vm
