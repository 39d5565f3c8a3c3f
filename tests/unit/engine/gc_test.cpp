// The collector: unreachable objects are freed, rooted ones survive with
// their contents, deep chains do not overflow the stack, and the memory
// limit turns exhaustion into a catchable error. Then the allocator: cells
// are charged by slot (small) or by size (large), and with
// KITE_OPT_SIZE_CLASS_HEAP small cells come from pages of their size class
// whose slots are reused after a collection and which are returned when
// empty.
#include <gtest/gtest.h>
#include <kite/engine/engine.h>
#include <kite/perf_flags.h>

#include <set>
#include <string>
#include <vector>

#include "api/internal.h"
#include "objects/environment.h"
#include "objects/object.h"
#include "vm/vm.h"

namespace kite::vm {
namespace {

TEST(Gc, GarbageIsFreed) {
  Engine engine;
  VM& vm = kite::internal_vm(engine);
  vm.heap().collect();
  std::size_t base = vm.heap().bytes_in_use();
  for (int i = 0; i < 10000; ++i) vm.new_array(16);
  EXPECT_GT(vm.heap().bytes_in_use(), base);
  vm.heap().collect();
  EXPECT_LE(vm.heap().bytes_in_use(), base + 1024);
}

TEST(Gc, RootedSurviveWithContents) {
  Engine engine;
  VM& vm = kite::internal_vm(engine);
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
  VM& vm = kite::internal_vm(engine);
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

// The interpreter's instructions that root a value while they run pop it
// again: a script leaves the root stack as it found it. (With computed goto,
// GCC does not run destructors when `goto *` leaves a scope, so such a
// Rooted must live in a block that ends before the dispatch.)
TEST(Gc, InterpreterLeavesNoRoots) {
  Engine engine;
  VM& vm = kite::internal_vm(engine);
  const std::size_t before = vm.root_count();
  Completion c = engine.run_script(
      "let fns = [];\n"
      "for (let i = 0; i < 10; i++) fns.push(() => i);\n"  // CopyEnv per iteration
      "let all = [...fns, ...'ab'];\n"                     // ArraySpread
      "if (all.length !== 12 || all[3]() !== 3) throw new Error('wrong');\n",
      "roots.js");
  ASSERT_TRUE(c.ok) << c.message;
  EXPECT_EQ(vm.root_count(), before);
}

TEST(Gc, StressModeKeepsEverythingReachable) {
  EngineOptions options;
  options.gc_stress = true;
  Engine engine(options);
  VM& vm = kite::internal_vm(engine);
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
  VM& vm = kite::internal_vm(engine);
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

// The bytes a cell of `size` bytes is charged: its slot when it is small and
// the size-class heap is on, else the size itself.
std::size_t charged(std::size_t size) {
#if KITE_OPT_SIZE_CLASS_HEAP
  if (size <= SizeClassSpace::kMaxCellSize) {
    return SizeClassSpace::slot_size(SizeClassSpace::class_of(size));
  }
#endif
  return size;
}

TEST(GcAllocator, CellsAreChargedTheirSlot) {
  Engine engine;
  VM& vm = kite::internal_vm(engine);
  vm.heap().collect();
  std::size_t before = vm.heap().bytes_in_use();
  std::uint64_t allocated = vm.heap().total_allocated();
  Rooted s(vm, Value::string(vm.new_string_ascii("abc")));
  EXPECT_EQ(vm.heap().bytes_in_use() - before, charged(sizeof(String) + 3));
  EXPECT_EQ(vm.heap().total_allocated() - allocated, charged(sizeof(String) + 3));
#if KITE_OPT_SIZE_CLASS_HEAP
  EXPECT_EQ(charged(sizeof(String) + 3), 64u);  // 59 bytes, in the 64-byte class
#endif
}

TEST(GcAllocator, LargeCellsAreChargedAndFreed) {
  Engine engine;
  VM& vm = kite::internal_vm(engine);
  vm.heap().collect();
  std::size_t base = vm.heap().bytes_in_use();
  {
    Rooted big(vm, Value::string(vm.new_string_ascii(std::string(10000, 'x'))));
    Rooted env(vm, Value::cell(vm.new_environment(nullptr, 100)));
    static_cast<Environment*>(env.get().as_cell())->slots[99] = big.get();
    std::size_t env_size = sizeof(Environment) + 99 * sizeof(Value);
    EXPECT_EQ(vm.heap().bytes_in_use() - base, sizeof(String) + 10000 + env_size);
#if KITE_OPT_SIZE_CLASS_HEAP
    EXPECT_FALSE(vm.heap().space().owns(big.get().as_cell()));
    EXPECT_FALSE(vm.heap().space().owns(env.get().as_cell()));
#endif
    vm.heap().collect();
    Value kept = static_cast<Environment*>(env.get().as_cell())->slots[99];
    ASSERT_TRUE(kept.is_string());
    EXPECT_EQ(kept.as_string()->length(), 10000u);
    EXPECT_EQ(kept.as_string()->chars8()[9999], 'x');
  }
  vm.heap().collect();
  EXPECT_EQ(vm.heap().bytes_in_use(), base);
}

TEST(GcAllocator, LimitHoldsForLargeCells) {
  EngineOptions options;
  options.memory_limit = 4u << 20;
  Engine engine(options);
  VM& vm = kite::internal_vm(engine);
  Rooted keep(vm, Value::object(vm.new_array()));
  bool threw = false;
  try {
    for (int i = 0; i < 1000; ++i) {
      Value s = Value::string(vm.new_string_ascii(std::string(100000, 'a' + i % 26)));
      vm.array_push(keep.object(), s);
    }
  } catch (JSThrow&) {
    threw = true;
    Rooted e(vm, vm.take_pending_exception());
    keep.set(Value::undefined());
    EXPECT_EQ(vm.to_string(e.get())->to_utf8(), "RangeError: out of memory");
  }
  EXPECT_TRUE(threw);
  vm.heap().collect();
  EXPECT_LE(vm.heap().bytes_in_use(), 1u << 20);
  // The heap is usable again once the memory is released.
  Rooted s(vm, Value::string(vm.new_string_ascii(std::string(100000, 'z'))));
  EXPECT_EQ(s.get().as_string()->chars8()[0], 'z');
}

#if KITE_OPT_SIZE_CLASS_HEAP

TEST(GcAllocator, SizeClassesAreSmallestFit) {
  std::size_t previous = 0;
  for (unsigned c = 0; c < SizeClassSpace::kClassCount; ++c) {
    std::size_t slot = SizeClassSpace::slot_size(c);
    EXPECT_GT(slot, previous);
    EXPECT_EQ(slot % SizeClassSpace::kCellAlignment, 0u);
    for (std::size_t size = previous + 1; size <= slot; ++size) {
      ASSERT_EQ(SizeClassSpace::class_of(size), c) << size;
    }
    previous = slot;
  }
  EXPECT_EQ(previous, SizeClassSpace::kMaxCellSize);
}

TEST(GcAllocator, ClassesHaveTheirOwnPages) {
  Engine engine;
  VM& vm = kite::internal_vm(engine);
  Rooted obj(vm, Value::object(vm.new_object()));
  Rooted str(vm, Value::string(vm.new_string_ascii("abc")));
  Rooted env(vm, Value::cell(vm.new_environment(nullptr, 1)));
  struct Expect {
    Cell* cell;
    std::size_t size;
  };
  const Expect cells[] = {{obj.get().as_cell(), sizeof(Object) + 4 * sizeof(Value)},
                          {str.get().as_cell(), sizeof(String) + 3},
                          {env.get().as_cell(), sizeof(Environment)}};
  std::set<std::uintptr_t> pages;
  for (const Expect& e : cells) {
    unsigned size_class = 0;
    ASSERT_TRUE(vm.heap().space().owns(e.cell, &size_class));
    EXPECT_EQ(size_class, SizeClassSpace::class_of(e.size));
    pages.insert(reinterpret_cast<std::uintptr_t>(e.cell) & ~(SizeClassSpace::kPageSize - 1));
  }
  EXPECT_EQ(pages.size(), 3u);
  EXPECT_NE(SizeClassSpace::class_of(cells[0].size), SizeClassSpace::class_of(cells[1].size));
  EXPECT_NE(SizeClassSpace::class_of(cells[1].size), SizeClassSpace::class_of(cells[2].size));
}

TEST(GcAllocator, SlotsAreReusedAfterCollect) {
  Engine engine;
  VM& vm = kite::internal_vm(engine);
  vm.heap().collect();
  std::size_t base = vm.heap().bytes_in_use();
  std::set<Object*> first;
  for (int i = 0; i < 1000; ++i) first.insert(vm.new_object());
  ASSERT_EQ(first.size(), 1000u);
  std::size_t pages = vm.heap().space().page_count();
  vm.heap().collect();
  EXPECT_EQ(vm.heap().bytes_in_use(), base);
  int reused = 0;
  for (int i = 0; i < 1000; ++i) reused += first.count(vm.new_object()) != 0 ? 1 : 0;
  EXPECT_EQ(reused, 1000);
  EXPECT_EQ(vm.heap().space().page_count(), pages);
}

TEST(GcAllocator, GarbageDoesNotGrowThePages) {
  Engine engine;
  VM& vm = kite::internal_vm(engine);
  auto churn = [&vm] {
    for (int i = 0; i < 20000; ++i) {
      Rooted o(vm, Value::object(vm.new_object()));
      vm.set(o.object(), vm.key("s"), Value::string(vm.new_string_ascii(std::to_string(i))));
    }
  };
  // Until the heap has grown to its collection threshold once.
  while (vm.heap().collections() < 2) churn();
  std::size_t pages = vm.heap().space().page_count();
  std::uint64_t collections = vm.heap().collections();
  for (int round = 0; round < 20; ++round) churn();
  EXPECT_GE(vm.heap().collections() - collections, 10u);
  EXPECT_LE(vm.heap().space().page_count(), pages);
}

TEST(GcAllocator, EmptyPagesAreReturned) {
  Engine engine;
  VM& vm = kite::internal_vm(engine);
  vm.heap().collect();
  std::size_t idle = vm.heap().space().page_count();
  {
    Rooted keep(vm, Value::object(vm.new_array()));
    for (int i = 0; i < 100000; ++i) vm.array_push(keep.object(), Value::object(vm.new_object()));
    EXPECT_GT(vm.heap().space().page_count(), idle + 100);  // 100000 x 104 bytes
  }
  vm.heap().collect();
  const SizeClassSpace& space = vm.heap().space();
  // Kept: the pages in use and the spares the heap may grow into before the
  // next collection (at most kMinNextGc worth).
  EXPECT_LE(space.spare_page_count(), Heap::kMinNextGc / SizeClassSpace::kPageSize);
  EXPECT_LE(space.page_count(), idle + Heap::kMinNextGc / SizeClassSpace::kPageSize);
}

TEST(GcAllocator, StressModeReusesTheFreedSlot) {
  EngineOptions options;
  options.gc_stress = true;
  Engine engine(options);
  VM& vm = kite::internal_vm(engine);
  Rooted keep(vm, Value::string(vm.new_string_ascii("kept")));
  std::uint64_t collections = vm.heap().collections();
  std::size_t pages = vm.heap().space().page_count();
  // Each allocation collects first, so the previous (unreachable) string's
  // slot is free again and is the first free slot of its class.
  String* previous = vm.new_string_ascii("garbage");
  for (int i = 0; i < 500; ++i) {
    String* s = vm.new_string_ascii("garbage");
    ASSERT_EQ(s, previous) << i;
    previous = s;
  }
  EXPECT_EQ(vm.heap().collections() - collections, 501u);
  EXPECT_EQ(vm.heap().space().page_count(), pages);
  EXPECT_EQ(keep.get().as_string()->to_utf8(), "kept");
}

#endif  // KITE_OPT_SIZE_CLASS_HEAP

}  // namespace
}  // namespace kite::vm

namespace kite::vm {
namespace {

// EngineOptions::gc_min_threshold: a lower threshold collects sooner (the
// server's RSS), the default lets the heap grow to 4 MiB first.
TEST(Gc, MinThresholdOptionCollectsSooner) {
  auto collections_after_garbage = [](std::size_t threshold) {
    EngineOptions options;
    options.gc_min_threshold = threshold;
    Engine engine(options);
    VM& vm = kite::internal_vm(engine);
    std::uint64_t before = vm.heap().collections();
    for (int i = 0; i < 20000; ++i) vm.new_object();  // ~2 MiB of garbage
    return vm.heap().collections() - before;
  };
  EXPECT_EQ(collections_after_garbage(0), 0u);
  EXPECT_GE(collections_after_garbage(256u << 10), 2u);
}

}  // namespace
}  // namespace kite::vm
