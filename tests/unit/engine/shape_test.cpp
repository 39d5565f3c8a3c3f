// Hidden classes: transitions are shared, slots follow insertion order,
// dictionary mode takes over past the limits, prototypes root the tree.
#include <gtest/gtest.h>
#include <kite/engine/engine.h>

#include "api/internal.h"
#include "objects/object.h"
#include "objects/property_map.h"
#include "vm/vm.h"

namespace kite::vm {
namespace {

class ShapeTest : public ::testing::Test {
 protected:
  Engine engine_;
  VM& vm() { return kite::internal_vm(engine_); }
};

TEST_F(ShapeTest, SameInsertionOrderSharesShape) {
  Rooted a(vm(), Value::object(vm().new_object()));
  Rooted b(vm(), Value::object(vm().new_object()));
  vm().set(a.object(), vm().key("x"), Value::int32(1));
  vm().set(a.object(), vm().key("y"), Value::int32(2));
  vm().set(b.object(), vm().key("x"), Value::int32(3));
  vm().set(b.object(), vm().key("y"), Value::int32(4));
  EXPECT_EQ(a.object()->shape(), b.object()->shape());
  EXPECT_EQ(a.object()->shape()->property_count(), 2u);
}

TEST_F(ShapeTest, DifferentOrderDifferentShape) {
  Rooted a(vm(), Value::object(vm().new_object()));
  Rooted b(vm(), Value::object(vm().new_object()));
  vm().set(a.object(), vm().key("x"), Value::int32(1));
  vm().set(a.object(), vm().key("y"), Value::int32(2));
  vm().set(b.object(), vm().key("y"), Value::int32(3));
  vm().set(b.object(), vm().key("x"), Value::int32(4));
  EXPECT_NE(a.object()->shape(), b.object()->shape());
}

TEST_F(ShapeTest, SlotsFollowInsertionOrder) {
  Rooted a(vm(), Value::object(vm().new_object()));
  const char* names[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"};
  for (int i = 0; i < 11; ++i) vm().set(a.object(), vm().key(names[i]), Value::int32(i * 10));
  Shape* s = a.object()->shape();
  for (int i = 0; i < 11; ++i) {
    std::uint8_t attrs;
    EXPECT_EQ(s->lookup(vm().key(names[i]), &attrs), i);
    EXPECT_EQ(attrs, attr::kDefault);
    EXPECT_EQ(a.object()->slot(static_cast<std::uint32_t>(i)).as_int32(), i * 10);
  }
  std::uint8_t attrs;
  EXPECT_EQ(s->lookup(vm().key("zz"), &attrs), -1);
}

TEST_F(ShapeTest, DeleteMakesDictionaryAndKeepsOrder) {
  Rooted a(vm(), Value::object(vm().new_object()));
  vm().set(a.object(), vm().key("x"), Value::int32(1));
  vm().set(a.object(), vm().key("y"), Value::int32(2));
  vm().set(a.object(), vm().key("z"), Value::int32(3));
  EXPECT_TRUE(vm().delete_property(a.object(), vm().key("y")));
  EXPECT_TRUE(a.object()->shape()->is_dictionary());
  std::vector<PropertyKey> keys;
  vm().own_keys(a.object(), keys);
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0], vm().key("x"));
  EXPECT_EQ(keys[1], vm().key("z"));
  EXPECT_EQ(vm().get(a.object(), "z").as_int32(), 3);
}

TEST_F(ShapeTest, TooManyPropertiesGoDictionary) {
  Rooted a(vm(), Value::object(vm().new_object()));
  for (std::uint32_t i = 0; i < Shape::kMaxProperties + 5; ++i) {
    vm().set(a.object(), vm().key("p" + std::to_string(i)), Value::number(i));
  }
  EXPECT_TRUE(a.object()->shape()->is_dictionary());
  EXPECT_EQ(vm().get(a.object(), "p0").as_int32(), 0);
  EXPECT_EQ(vm().get(a.object(), "p68").as_int32(), 68);
}

TEST_F(ShapeTest, PrototypeIsPartOfTheShape) {
  Rooted proto(vm(), Value::object(vm().new_object()));
  Rooted a(vm(), Value::object(vm().new_object()));
  Rooted b(vm(), Value::object(vm().new_object_with_proto(proto.object())));
  EXPECT_NE(a.object()->shape(), b.object()->shape());
  EXPECT_EQ(b.object()->proto(), proto.object());
  vm().set(a.object(), vm().key("x"), Value::int32(1));
  ASSERT_TRUE(vm().set_prototype(a.object(), proto.object()));
  EXPECT_EQ(a.object()->proto(), proto.object());
  EXPECT_EQ(vm().get(a.object(), "x").as_int32(), 1);
  vm().set(b.object(), vm().key("x"), Value::int32(2));
  EXPECT_EQ(a.object()->shape(), b.object()->shape());
}

TEST_F(ShapeTest, ReconfiguringAttributesKeepsValue) {
  Rooted a(vm(), Value::object(vm().new_object()));
  vm().set(a.object(), vm().key("x"), Value::int32(7));
  ASSERT_TRUE(
      vm().define_own_property(a.object(), vm().key("x"), Value::int32(7), attr::kEnumerable));
  Property p;
  ASSERT_TRUE(vm().get_own_property(a.object(), vm().key("x"), &p));
  EXPECT_EQ(p.attrs, attr::kEnumerable);
  EXPECT_EQ(p.value.as_int32(), 7);
}

}  // namespace
}  // namespace kite::vm
