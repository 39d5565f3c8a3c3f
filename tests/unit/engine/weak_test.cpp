// Weak collections against the collector: a WeakMap value lives exactly as
// long as its key (ephemerons, also chained through other weak maps), a
// WeakRef forgets a collected target once the job that made it has ended,
// and a FinalizationRegistry queues its callback for each collected target
// and not for a live or unregistered one.
#include <gtest/gtest.h>
#include <kite/engine/engine.h>

#include <string>

#include "api/internal.h"
#include "vm/vm.h"

namespace kite::vm {
namespace {

std::string call(Engine& engine, const char* fn) {
  std::string out;
  Completion c = engine.call_global(fn, 0, &out);
  EXPECT_TRUE(c.ok) << c.message;
  return out;
}

void run(Engine& engine, const char* source) {
  Completion c = engine.run_script(source, "weak.js");
  ASSERT_TRUE(c.ok) << c.message;
  c = engine.run_jobs();  // ends the script's job: its WeakRef targets are no longer kept
  ASSERT_TRUE(c.ok) << c.message;
}

TEST(Weak, MapValuesLiveAsLongAsTheirKeys) {
  Engine engine;
  run(engine, R"(
    var wm = new WeakMap();
    var live = {};
    wm.set(live, { v: 1 });
    (function () {
      const dead = {};
      const valueRef = { payload: 'only reachable through the dead key' };
      wm.set(dead, valueRef);
      globalThis.deadRef = new WeakRef(dead);
      globalThis.valueRef = new WeakRef(valueRef);
    })();
    function liveValue() { return wm.get(live).v; }
    function deadGone() { return String(deadRef.deref()) + ',' + String(valueRef.deref()); }
  )");
  internal_vm(engine).heap().collect();
  EXPECT_EQ(call(engine, "liveValue"), "1");
  EXPECT_EQ(call(engine, "deadGone"), "undefined,undefined");
}

TEST(Weak, EphemeronChainsAreFollowed) {
  // k1 is live; its value holds k2 only; k2's value must survive too, in
  // whichever order the two maps are processed.
  Engine engine;
  run(engine, R"(
    var a = new WeakMap(), b = new WeakMap();
    var k1 = {};
    (function () {
      const k2 = {};
      b.set(k2, { deep: 'kept' });
      a.set(k1, { next: k2 });
    })();
    function deep() { return b.get(a.get(k1).next).deep; }
  )");
  internal_vm(engine).heap().collect();
  EXPECT_EQ(call(engine, "deep"), "kept");
}

TEST(Weak, RefKeepsItsTargetDuringTheJob) {
  Engine engine;
  Completion c = engine.run_script(R"(
    (function () { globalThis.ref = new WeakRef({ x: 1 }); })();
    function alive() { return String(ref.deref() !== undefined); }
  )",
                                   "weak.js");
  ASSERT_TRUE(c.ok) << c.message;
  internal_vm(engine).heap().collect();  // the script's job has not ended
  EXPECT_EQ(call(engine, "alive"), "true");
  ASSERT_TRUE(engine.run_jobs().ok);
  internal_vm(engine).heap().collect();
  EXPECT_EQ(call(engine, "alive"), "false");
}

TEST(Weak, RegistryCallsBackForCollectedTargetsOnly) {
  Engine engine;
  run(engine, R"(
    var cleaned = [];
    var registry = new FinalizationRegistry((held) => cleaned.push(held));
    var keep = {};
    var token = {};
    registry.register(keep, 'live');
    (function () {
      registry.register({}, 'collected');
      registry.register({}, 'unregistered', token);
    })();
    registry.unregister(token);
    function report() { return cleaned.join(','); }
  )");
  internal_vm(engine).heap().collect();
  ASSERT_TRUE(engine.run_jobs().ok);
  EXPECT_EQ(call(engine, "report"), "collected");
}

}  // namespace
}  // namespace kite::vm
