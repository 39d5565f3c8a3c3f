// The parser on its own (parser::parse): forms whose early errors the JS
// corpus cannot pin with V8's messages because Kite words them its own way.
#include "parser/parser.h"

#include <gtest/gtest.h>

#include <string>

namespace kite::parser {
namespace {

// Every member access parses its property in one place: a private name
// after `.`, `?.` or inside `new` is refused alike, at the `#`.
TEST(Parser, RefusesAnUndeclaredPrivateNameInEveryMemberAccess) {
  struct Case {
    const char* source;
    std::uint32_t column;
  };
  const Case cases[] = {{"a.#x;", 3},         {"a?.#x;", 4},        {"new a.#x;", 7},
                        {"new a.b.#x();", 9}, {"new a[0].#x;", 10}, {"a.b?.c.#x;", 8}};
  for (const Case& c : cases) {
    ParseResult r = parse(c.source, "member.js");
    ASSERT_FALSE(r.ok()) << c.source;
    EXPECT_EQ(r.error().message, "Private field '#x' must be declared in an enclosing class")
        << c.source;
    EXPECT_EQ(r.error().line, 1U) << c.source;
    EXPECT_EQ(r.error().column, c.column) << c.source;
  }
}

TEST(Parser, ChecksPrivateNamesWhenTheOutermostClassEnds) {
  // A reference may come before the declaration, and an inner class may use
  // the outer class's names; anything else is an early error at the
  // reference.
  EXPECT_TRUE(parse("class A { m() { return this.#x; } #x = 1; }", "p.js").ok());
  EXPECT_TRUE(parse("class A { #x; m() { class B { n(o) { return o.#x; } } } }", "p.js").ok());
  EXPECT_TRUE(parse("class A { get #x() {} set #x(v) {} static #y() {} }", "p.js").ok());
  ParseResult r = parse("class A { m() { return this.#y; } #x = 1; }", "p.js");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "Private field '#y' must be declared in an enclosing class");
  EXPECT_EQ(r.error().column, 29U);
  for (const char* source :
       {"class A { #x; #x; }", "class A { get #x() {} get #x() {} }", "class A { #x; get #x() {} }",
        "class A { static get #x() {} set #x(v) {} }", "class A { #constructor; }",
        "class A { #x; m() { delete this.#x; } }", "class A { #x; m() { return #x; } }",
        "class A extends B { #x; m() { return super.#x; } }", "class A { static { return; } }",
        "class A { static { arguments; } }", "class A { static { await; } }"}) {
    EXPECT_FALSE(parse(source, "p.js").ok()) << source;
  }
}

TEST(Parser, ParsesEveryFormOfMemberAccess) {
  for (const char* source : {"a.b;", "a[0];", "a?.b;", "a?.[0];", "a?.b.c[d];", "new a.b();",
                             "new a[0]();", "new a.b[c].d;", "a.if.class;"}) {
    ParseResult r = parse(source, "member.js");
    EXPECT_TRUE(r.ok()) << source << ": " << (r.ok() ? "" : r.error().message);
  }
  for (const char* source : {"a.[0];", "new a.[0];", "a?.;", "a.;"}) {
    EXPECT_FALSE(parse(source, "member.js").ok()) << source;
  }
}

}  // namespace
}  // namespace kite::parser
