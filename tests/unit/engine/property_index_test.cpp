// PropertyIndex: the open-addressing key -> position table of shapes and
// dictionaries. Erase shifts probe runs back; every surviving key must
// stay findable through growth and many removals.
#include "objects/property_index.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <random>

namespace kite::vm {
namespace {

TEST(PropertyIndexTest, FindsInsertedKeysAndMissesOthers) {
  PropertyIndex index;
  EXPECT_EQ(index.find(PropertyKey::index(7)), PropertyIndex::kNotFound);
  for (std::uint32_t i = 0; i < 100; ++i) index.insert(PropertyKey::index(i * 3), i);
  EXPECT_EQ(index.size(), 100u);
  for (std::uint32_t i = 0; i < 100; ++i) {
    EXPECT_EQ(index.find(PropertyKey::index(i * 3)), i);
    EXPECT_EQ(index.find(PropertyKey::index(i * 3 + 1)), PropertyIndex::kNotFound);
  }
}

TEST(PropertyIndexTest, EraseKeepsTheRestFindable) {
  PropertyIndex index;
  std::map<std::uint32_t, std::uint32_t> model;
  std::mt19937 rng(12345);
  for (int step = 0; step < 20000; ++step) {
    std::uint32_t k = rng() % 300;
    if (rng() % 3 == 0) {
      index.erase(PropertyKey::index(k));
      model.erase(k);
    } else if (model.count(k) == 0) {
      index.insert(PropertyKey::index(k), static_cast<std::uint32_t>(step));
      model[k] = static_cast<std::uint32_t>(step);
    }
  }
  EXPECT_EQ(index.size(), model.size());
  for (std::uint32_t k = 0; k < 300; ++k) {
    auto it = model.find(k);
    EXPECT_EQ(index.find(PropertyKey::index(k)),
              it == model.end() ? PropertyIndex::kNotFound : it->second);
  }
}

TEST(PropertyIndexTest, ClearEmptiesTheTable) {
  PropertyIndex index;
  for (std::uint32_t i = 0; i < 20; ++i) index.insert(PropertyKey::index(i), i);
  index.clear();
  EXPECT_EQ(index.size(), 0u);
  EXPECT_EQ(index.find(PropertyKey::index(3)), PropertyIndex::kNotFound);
  index.insert(PropertyKey::index(3), 9);
  EXPECT_EQ(index.find(PropertyKey::index(3)), 9u);
}

}  // namespace
}  // namespace kite::vm
