// The lazy readers of a parsed request (runtime/src/http/fields.h): query
// pairs, form decoding and packed header fields; and the perfect hash of the
// common header names (http/header_names.h).
#include "http/fields.h"

#include "http/header_names.h"

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

TEST(HttpFields, PackedFieldsRoundTrip) {
  std::string raw = "GET / HTTP/1.1\r\nHost: a\r\nX-Empty:\r\nX-Pad: \t v \t\r\nLast: z\r\n\r\n";
  RequestParser parser;
  Request req;
  std::size_t consumed = 0;
  ASSERT_EQ(parser.parse(raw.data(), raw.size(), &req, &consumed), ParseResult::kComplete);
  std::string scratch;
  std::string_view packed = pack_fields(req, scratch);
  Pairs out;
  for_each_packed_field(packed, [&](std::string_view n, std::string_view v) {
    out.emplace_back(std::string(n), std::string(v));
  });
  EXPECT_EQ(out, (Pairs{{"Host", "a"}, {"X-Empty", ""}, {"X-Pad", "v"}, {"Last", "z"}}));
  EXPECT_TRUE(pack_fields(Request{}, scratch).empty());
}

TEST(HttpFields, CommonHeaderNamesHashPerfectly) {
  for (std::size_t i = 0; i < kCommonHeaderCount; ++i) {
    EXPECT_EQ(common_header_index(kCommonHeaderNames[i]), static_cast<int>(i))
        << kCommonHeaderNames[i];
  }
  EXPECT_EQ(common_header_index("Content-Type"), common_header_index("content-type"));
  EXPECT_EQ(common_header_index("X-FORWARDED-FOR"), common_header_index("x-forwarded-for"));
  EXPECT_EQ(common_header_index("x-tenant"), -1);
  EXPECT_EQ(common_header_index("hosts"), -1);
  EXPECT_EQ(common_header_index("x"), -1);
  EXPECT_EQ(common_header_index(""), -1);
}

}  // namespace
}  // namespace kite::http
