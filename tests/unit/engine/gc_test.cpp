// The collector: unreachable objects are freed, rooted ones survive with
// their contents, deep chains do not overflow the stack, and the memory
// limit turns exhaustion into a catchable error.
#include <gtest/gtest.h>
#include <kite/engine/engine.h>

#include "vm/vm.h"

namespace kite::vm {
namespace {

TEST(Gc, GarbageIsFreed) {
  Engine engine;
  VM& vm = engine.vm();
  vm.heap().collect();
  std::size_t base = vm.heap().bytes_in_use();
  for (int i = 0; i < 10000; ++i) vm.new_array(16);
  EXPECT_GT(vm.heap().bytes_in_use(), base);
  vm.heap().collect();
  EXPECT_LE(vm.heap().bytes_in_use(), base + 1024);
}

TEST(Gc, RootedSurviveWithContents) {
  Engine engine;
  VM& vm = engine.vm();
  Rooted keep(vm, Value::object(vm.new_array()));
  for (int i = 0; i < 1000; ++i) {
    Rooted s(vm, Value::string(vm.new_string_ascii("item-" + std::to_string(i))));
    Rooted o(vm, Value::object(vm.new_object()));
    vm.set(o.object(), vm.key("name"), s.get());
    vm.array_push(keep.object(), o.get());
  }
  vm.heap().collect();
  ASSERT_EQ(keep.object()->array_length(), 1000u);
  Value o = keep.object()->elements()[999];
  Value name = vm.get(o.as_object(), "name");
  ASSERT_TRUE(name.is_string());
  EXPECT_EQ(name.as_string()->to_utf8(), "item-999");
}

TEST(Gc, DeepChainDoesNotOverflow) {
  Engine engine;
  VM& vm = engine.vm();
  Rooted head(vm, Value::object(vm.new_object()));
  Rooted cur(vm, head.get());
  for (int i = 0; i < 200000; ++i) {
    Object* next = vm.new_object();
    vm.set(cur.object(), vm.key("next"), Value::object(next));
    cur.set(Value::object(next));
  }
  vm.heap().collect();
  int n = 0;
  for (Value v = head.get(); v.is_object(); v = vm.get(v.as_object(), "next")) ++n;
  EXPECT_EQ(n, 200001);
}

TEST(Gc, StressModeKeepsEverythingReachable) {
  EngineOptions options;
  options.gc_stress = true;
  Engine engine(options);
  VM& vm = engine.vm();
  Rooted arr(vm, Value::object(vm.new_array()));
  for (int i = 0; i < 200; ++i) {
    Value s = Value::string(vm.new_string_ascii("s" + std::to_string(i)));
    vm.array_push(arr.object(), s);
  }
  EXPECT_GT(vm.heap().collections(), 200u);
  EXPECT_EQ(arr.object()->elements()[123].as_string()->to_utf8(), "s123");
}

TEST(Gc, MemoryLimitThrowsRangeError) {
  EngineOptions options;
  options.memory_limit = 2u << 20;
  Engine engine(options);
  VM& vm = engine.vm();
  Rooted keep(vm, Value::object(vm.new_array()));
  bool threw = false;
  try {
    for (int i = 0; i < 1000000; ++i) vm.array_push(keep.object(), Value::object(vm.new_object()));
  } catch (JSThrow&) {
    threw = true;
    Rooted e(vm, vm.take_pending_exception());
    keep.set(Value::undefined());  // release the memory before formatting
    ASSERT_TRUE(e.get().is_object());
    EXPECT_EQ(vm.to_string(e.get())->to_utf8(), "RangeError: out of memory");
  }
  EXPECT_TRUE(threw);
  vm.heap().collect();
  EXPECT_LE(vm.heap().bytes_in_use(), 2u << 20);
}

}  // namespace
}  // namespace kite::vm
