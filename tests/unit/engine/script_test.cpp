// Script-level semantics that Node's CommonJS wrapper hides (so the JS
// corpus, checked against node, cannot pin them): ECMA-262 16.1.6, a
// script's top-level `this` is the global object, also in strict code and
// in arrows at top level; a function called plainly still gets undefined.
#include <gtest/gtest.h>
#include <kite/engine/engine.h>

#include <string>

namespace kite {
namespace {

TEST(Script, TopLevelThisIsTheGlobalObject) {
  Engine engine;
  Completion c = engine.run_script(
      "var viaThis = this === globalThis;\n"
      "var viaArrow = (() => this === globalThis)();\n"
      "function plain() { return this; }\n"
      "var plainIsUndefined = plain() === undefined;\n"
      "function result() { return [viaThis, viaArrow, plainIsUndefined].join(); }\n",
      "this.js");
  ASSERT_TRUE(c.ok) << c.report;
  std::string out;
  ASSERT_TRUE(engine.call_global("result", 0, &out).ok);
  EXPECT_EQ(out, "true,true,true");
}

}  // namespace
}  // namespace kite
