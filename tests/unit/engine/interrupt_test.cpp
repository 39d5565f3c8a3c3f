// Interrupts: another thread stops a running script at a loop back-edge; the
// interrupt cannot be caught by JS, a stale token is ignored, and the engine
// runs normally afterwards.
#include <gtest/gtest.h>
#include <kite/engine/engine.h>

#include <chrono>
#include <thread>

namespace kite {
namespace {

using namespace std::chrono_literals;

TEST(Interrupt, StopsAnInfiniteLoopFromAnotherThread) {
  Engine engine;
  std::thread t([&] {
    std::this_thread::sleep_for(50ms);
    engine.request_interrupt();
  });
  Completion c = engine.run_script("for (;;) {}", "loop.js");
  t.join();
  EXPECT_FALSE(c.ok);
  EXPECT_TRUE(c.interrupted);
  Completion after = engine.run_script("globalThis.x = 1 + 1;", "after.js");
  EXPECT_TRUE(after.ok) << after.report;
  EXPECT_FALSE(after.interrupted);
}

TEST(Interrupt, CannotBeCaughtOrFinallyRecovered) {
  Engine engine;
  std::thread t([&] {
    std::this_thread::sleep_for(50ms);
    engine.request_interrupt();
  });
  Completion c = engine.run_script(
      "let caught = 0; while (true) { try { for (;;) {} } catch (e) { caught++; } "
      "finally { caught++; } }",
      "catch.js");
  t.join();
  EXPECT_TRUE(c.interrupted);
  Completion r = engine.run_script("function caughtCount() { return caught; }", "read.js");
  ASSERT_TRUE(r.ok) << r.report;
  std::string result;
  ASSERT_TRUE(engine.call_global("caughtCount", 0, &result).ok);
  EXPECT_EQ(result, "0");  // neither catch nor finally ran
}

TEST(Interrupt, StaleTokenIsIgnored) {
  Engine engine;
  engine.set_interrupt_token(7);
  engine.request_interrupt(6);  // late, for an earlier call
  Completion c = engine.run_script("let n = 0; for (let i = 0; i < 100000; i++) n++;", "ok.js");
  EXPECT_TRUE(c.ok) << c.report;
  std::thread t([&] {
    std::this_thread::sleep_for(50ms);
    engine.request_interrupt(7);
  });
  c = engine.run_script("for (;;) {}", "loop.js");
  t.join();
  EXPECT_TRUE(c.interrupted);
}

}  // namespace
}  // namespace kite
