// The parser on its own (parser::parse): forms whose early errors the JS
// corpus cannot pin with V8's messages because Kite words them its own way.
#include "parser/parser.h"

#include <gtest/gtest.h>

#include <string>

namespace kite::parser {
namespace {

// Every member access parses its property in one place: a private name
// after `.`, `?.` or inside `new` is refused alike, at the `#`.
TEST(Parser, RefusesAPrivateNameInEveryMemberAccess) {
  struct Case {
    const char* source;
    std::uint32_t column;
  };
  const Case cases[] = {{"a.#x;", 3},         {"a?.#x;", 4},        {"new a.#x;", 7},
                        {"new a.b.#x();", 9}, {"new a[0].#x;", 10}, {"a.b?.c.#x;", 8}};
  for (const Case& c : cases) {
    ParseResult r = parse(c.source, "member.js");
    ASSERT_FALSE(r.ok()) << c.source;
    EXPECT_EQ(r.error().message, "private class members are not supported yet") << c.source;
    EXPECT_EQ(r.error().line, 1U) << c.source;
    EXPECT_EQ(r.error().column, c.column) << c.source;
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
