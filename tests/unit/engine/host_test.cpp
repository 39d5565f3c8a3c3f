// The embedding interface (kite/engine/host.h) through its public header
// only: host classes and their brand, native functions with data, roots
// that survive collections (gc_stress collects at every allocation),
// exceptions and interrupts as results.
#include <kite/engine/engine.h>
#include <kite/engine/host.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kite {
namespace {

EngineOptions stress() {
  EngineOptions o;
  o.gc_stress = true;
  return o;
}

std::string utf8(Host& host, JsValue v) {
  std::string scratch;
  return std::string(host.utf8(v, scratch));
}

TEST(Host, StringsInAndOutAsBytes) {
  Engine engine(stress());
  Host& host = engine.host();
  HostRoot s(host, host.new_string("héllo \xF0\x9F\x98\x80"));
  EXPECT_EQ(utf8(host, s), "héllo \xF0\x9F\x98\x80");
  HostRoot l(host, host.new_string_latin1("caf\xE9"));
  std::string scratch;
  EXPECT_EQ(host.latin1(l, scratch), "caf\xE9");
  HostRoot wide(host, host.new_string("\xE2\x82\xAC!"));  // U+20AC is not Latin-1
  EXPECT_EQ(host.latin1(wide, scratch), "?!");
  EXPECT_EQ(utf8(host, l), "café");
  EXPECT_EQ(host.intern("GET"), host.intern("GET"));
}

TEST(Host, ClassesHaveFieldsInternalsAndABrand) {
  Engine engine(stress());
  Host& host = engine.host();
  constexpr std::string_view kFields[] = {"a", "b"};
  HostClass point = host.define_class({.fields = kFields, .internal_slots = 1, .prototype = {}});
  HostClass other = host.define_class({.fields = kFields, .internal_slots = 0, .prototype = {}});
  HostRoot x(host, host.new_string("x"));
  const JsValue fields[] = {JsValue::int32(7), x};
  const JsValue internals[] = {JsValue::int32(42)};
  HostRoot p(host, host.new_instance(point, fields, internals));
  EXPECT_TRUE(host.is_instance(p, point));
  EXPECT_FALSE(host.is_instance(p, other));
  EXPECT_EQ(host.class_of(p), point);
  EXPECT_EQ(host.field(p, point, 0), JsValue::int32(7));
  EXPECT_EQ(utf8(host, host.field(p, point, 1)), "x");
  EXPECT_EQ(host.internal(p, 0), JsValue::int32(42));
  // Script sees ordinary properties, and can reshape the object: field()
  // then reads by name.
  host.define_global("p", p);
  Completion c = engine.run_script(
      "p.c = 1; delete p.a; p.a = 9; globalThis.keys = Object.keys(p).join();", "t.js");
  ASSERT_TRUE(c.ok) << c.report;
  EXPECT_EQ(host.field(p, point, 0), JsValue::int32(9));
  JsValue keys;
  ASSERT_TRUE(host.lookup_global("keys", &keys));
  EXPECT_EQ(utf8(host, keys), "b,c,a");
  // A plain object is no instance, whatever its shape.
  HostRoot plain(host, host.new_object());
  EXPECT_EQ(host.class_of(plain).id, 0u);
  EXPECT_EQ(host.class_of(JsValue::int32(3)).id, 0u);
}

JsValue add_data(Host& host, const NativeCall& call) {
  double sum = call.data.as_int32();
  for (std::uint32_t i = 0; i < call.argc; ++i) sum += host.to_number(call.arg(i));
  return JsValue::int32(static_cast<std::int32_t>(sum));
}

JsValue must_be_string(Host& host, const NativeCall& call) {
  if (!call.arg(0).is_string()) host.throw_type_error("not a string");
  return host.to_string(call.this_value);
}

TEST(Host, NativeFunctionsGetTheirDataAndThrowIntoScript) {
  Engine engine(stress());
  Host& host = engine.host();
  HostRoot lib(host, host.new_object());
  host.define_method(lib, "add", add_data, 2, JsValue::int32(100));
  host.define_method(lib, "str", must_be_string, 1);
  host.define_global("lib", lib);
  Completion c = engine.run_script(
      "globalThis.r = lib.add(1, '2', 3);"
      "try { lib.str(1); } catch (e) { globalThis.m = e.constructor.name + ': ' + e.message; }",
      "t.js");
  ASSERT_TRUE(c.ok) << c.report;
  JsValue r, m;
  ASSERT_TRUE(host.lookup_global("r", &r));
  EXPECT_EQ(r, JsValue::int32(106));
  ASSERT_TRUE(host.lookup_global("m", &m));
  EXPECT_EQ(utf8(host, m), "TypeError: not a string");
}

TEST(Host, CallsReportExceptionsAndInterrupts) {
  Engine engine;
  Host& host = engine.host();
  ASSERT_TRUE(engine
                  .run_script("function boom(x) { throw new RangeError('no ' + x); }"
                              "function spin() { for (;;) {} }",
                              "t.js")
                  .ok);
  JsValue boom, spin;
  ASSERT_TRUE(host.lookup_global("boom", &boom));
  HostRoot arg(host, host.new_string("way"));
  const JsValue args[] = {arg};
  try {
    host.call(boom, JsValue::undefined(), args);
    ADD_FAILURE() << "boom returned";
  } catch (ScriptThrow&) {
    Completion c = host.take_exception();
    EXPECT_FALSE(c.interrupted);
    EXPECT_EQ(c.message, "RangeError: no way");
  }
  ASSERT_TRUE(host.lookup_global("spin", &spin));
  engine.request_interrupt();
  try {
    host.call(spin, JsValue::undefined(), {});
    ADD_FAILURE() << "spin returned";
  } catch (ScriptThrow&) {
    EXPECT_TRUE(host.take_exception().interrupted);
  }
  // The engine serves on.
  EXPECT_TRUE(engine.run_script("1", "t.js").ok);
}

TEST(Host, JsonInAndOut) {
  Engine engine(stress());
  Host& host = engine.host();
  HostRoot text(host, host.new_string(R"({"a":[1,"x",null],"b":{"c":true}})"));
  HostRoot v(host, host.json_parse(text));
  std::vector<PropertyName> names;
  host.own_enumerable_names(v, names);
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(utf8(host, host.name_string(names[1])), "b");
  std::string out = "prefix:";
  ASSERT_TRUE(host.json_stringify(v, out));
  EXPECT_EQ(out, R"(prefix:{"a":[1,"x",null],"b":{"c":true}})");
  std::string none;
  EXPECT_FALSE(host.json_stringify(JsValue::undefined(), none));
  HostRoot bad(host, host.new_string("{"));
  EXPECT_THROW(host.json_parse(bad), ScriptThrow);
  EXPECT_EQ(host.take_exception().message.rfind("SyntaxError", 0), 0u);
}

TEST(Host, RootsKeepValuesAcrossCollections) {
  Engine engine(stress());
  Host& host = engine.host();
  std::vector<std::string> want;
  HostRoot a(host, host.new_string("first value"));
  {
    HostRoot b(host, host.new_string("second value"));
    for (int i = 0; i < 200; ++i) HostRoot junk(host, host.new_object());  // collects each time
    EXPECT_EQ(utf8(host, b), "second value");
  }
  // Deeper than the stack's first capacity (64), then back.
  std::vector<std::unique_ptr<HostRoot>> many;
  many.reserve(150);
  for (int i = 0; i < 150; ++i) {
    many.push_back(std::make_unique<HostRoot>(host, host.new_string(std::to_string(i))));
  }
  engine.collect_garbage();
  EXPECT_EQ(utf8(host, *many[149]), "149");
  while (!many.empty()) many.pop_back();
  EXPECT_EQ(utf8(host, a), "first value");
}

}  // namespace
}  // namespace kite
