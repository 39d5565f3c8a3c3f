// The lazy readers of a parsed request (runtime/src/http/fields.h): query
// pairs, form decoding and field lines.
#include "http/fields.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace kite::http {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs query_pairs(std::string_view q) {
  Pairs out;
  for_each_query_pair(q, [&](std::string_view k, std::string_view v) {
    out.emplace_back(std::string(k), std::string(v));
  });
  return out;
}

TEST(HttpFields, QueryPairs) {
  EXPECT_EQ(query_pairs("a=1&b=&c&&d=x=y"),
            (Pairs{{"a", "1"}, {"b", ""}, {"c", ""}, {"d", "x=y"}}));
  EXPECT_EQ(query_pairs(""), Pairs{});
  EXPECT_EQ(query_pairs("&"), Pairs{});
}

TEST(HttpFields, FormDecode) {
  std::string out;
  form_decode("a+b%20c%2Fd", out);
  EXPECT_EQ(out, "a b c/d");
  form_decode("%zz%4", out);  // malformed escapes stay as written
  EXPECT_EQ(out, "%zz%4");
  form_decode("%C3%A9", out);  // bytes, not code points
  EXPECT_EQ(out, "\xC3\xA9");
}

TEST(HttpFields, FieldLines) {
  Pairs out;
  for_each_field_line("Host: a\r\nX-Empty:\r\nX-Pad: \t v \t\r\nbad line\nLast: z",
                      [&](std::string_view n, std::string_view v) {
                        out.emplace_back(std::string(n), std::string(v));
                      });
  EXPECT_EQ(out, (Pairs{{"Host", "a"}, {"X-Empty", ""}, {"X-Pad", "v"}, {"Last", "z"}}));
}

}  // namespace
}  // namespace kite::http
