// RequestParser: a table of valid and invalid requests, each parsed whole,
// byte at a time (in place, and with the buffer moving between calls) and
// split at every point, all of which must give the same outcome without a
// heap allocation; then pipelining, 100-continue and the parser's lifecycle.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "kite/http/parser.h"

// Every operator new in this binary is counted, so a test can assert that
// parse() never allocates. Out of line, so GCC does not see malloc() and
// free() meet new and delete (-Wmismatched-new-delete).
static std::size_t g_allocations = 0;

[[gnu::noinline]] void* operator new(std::size_t n) {
  ++g_allocations;
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
[[gnu::noinline]] void operator delete(void* p) noexcept {
  std::free(p);
}
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}

namespace kite::http {
namespace {

using namespace std::string_literals;

constexpr int kIncomplete = -1;  // Row::status: kIncomplete after the whole input

struct Row {
  const char* name;
  std::string input;
  int status = 0;  // 0: kComplete; kIncomplete; else the error status
  std::optional<std::string_view> method = {};
  std::optional<std::string_view> path = {};
  std::optional<std::string_view> query = {};
  std::optional<std::string_view> body = {};
  std::optional<std::string_view> host = {};
  std::optional<int> version_minor = {};
  std::optional<bool> keep_alive = {};
  std::optional<bool> expect_continue = {};
  std::optional<bool> is_head = {};
  std::optional<bool> has_body = {};
  std::size_t consumed = 0;  // kComplete: 0 means the whole input
  Limits limits = {};
};

// What a parse produced, copied out of the buffer.
struct Outcome {
  ParseResult result = ParseResult::kIncomplete;
  int status = 0;
  bool head_complete = false;
  std::size_t consumed = 0;
  std::string method, target, path, query, host, body;
  std::vector<std::pair<std::string, std::string>> headers;
  int version_minor = 0;
  bool keep_alive = false, expect_continue = false, is_head = false, has_body = false;

  bool operator==(const Outcome&) const = default;
};

std::string str(std::string_view v) {
  return std::string(v);
}

bool inside(std::string_view v, const char* data, std::size_t len) {
  return v.empty() || (v.data() >= data && v.data() + v.size() <= data + len);
}

// Calls parse() checking that it does not allocate, then records the outcome
// and checks that every view lies inside the buffer.
Outcome parse_once(RequestParser& parser, char* data, std::size_t len, Request* req) {
  std::size_t consumed = 12345;
  std::size_t before = g_allocations;
  ParseResult result = parser.parse(data, len, req, &consumed);
  EXPECT_EQ(g_allocations, before) << "parse() allocated";

  Outcome o;
  o.result = result;
  o.head_complete = parser.head_complete();
  if (result == ParseResult::kError) {
    o.status = parser.error_status();
    EXPECT_FALSE(parser.error_reason().empty());
    return o;
  }
  if (result == ParseResult::kIncomplete && !parser.head_complete()) return o;
  o.consumed = result == ParseResult::kComplete ? consumed : 0;
  EXPECT_LE(o.consumed, len);
  o.method = str(req->method);
  o.target = str(req->target);
  o.path = str(req->path);
  o.query = str(req->query);
  o.host = str(req->host);
  o.body = str(req->body);
  o.version_minor = req->version_minor;
  o.keep_alive = req->keep_alive;
  o.expect_continue = req->expect_continue;
  o.is_head = req->is_head;
  o.has_body = req->has_body;
  for (std::size_t i = 0; i < req->header_count; ++i) {
    o.headers.emplace_back(str(req->headers[i].name), str(req->headers[i].value));
    EXPECT_TRUE(inside(req->headers[i].name, data, len));
    EXPECT_TRUE(inside(req->headers[i].value, data, len));
  }
  for (std::string_view v : {req->method, req->target, req->query, req->host, req->body}) {
    EXPECT_TRUE(inside(v, data, len));
  }
  EXPECT_TRUE(inside(req->path, data, len) || req->path == "/");
  return o;
}

Outcome parse_whole(const Row& row) {
  RequestParser parser(row.limits);
  auto req = std::make_unique<Request>();
  std::string buf = row.input;
  return parse_once(parser, buf.data(), buf.size(), req.get());
}

// One byte more per call in one buffer.
Outcome parse_bytewise(const Row& row) {
  RequestParser parser(row.limits);
  auto req = std::make_unique<Request>();
  std::string buf = row.input;
  Outcome o;
  for (std::size_t len = 0; len <= buf.size(); ++len) {
    o = parse_once(parser, buf.data(), len, req.get());
    if (o.result != ParseResult::kIncomplete) break;
  }
  return o;
}

// One byte more per call, each time in a new exact-size buffer (holding the
// bytes as the parser left them) and alternating between two Requests.
Outcome parse_moving(const Row& row) {
  RequestParser parser(row.limits);
  auto a = std::make_unique<Request>();
  auto b = std::make_unique<Request>();
  std::unique_ptr<char[]> buf;
  Outcome o;
  for (std::size_t len = 0; len <= row.input.size(); ++len) {
    auto next = std::make_unique<char[]>(len == 0 ? 1 : len);
    if (len > 0) {
      std::memcpy(next.get(), buf.get(), len - 1);
      next[len - 1] = row.input[len - 1];
    }
    buf = std::move(next);
    o = parse_once(parser, buf.get(), len, len % 2 == 0 ? a.get() : b.get());
    if (o.result != ParseResult::kIncomplete) break;
  }
  return o;
}

// Two calls: the first `split` bytes, then everything.
Outcome parse_split(const Row& row, std::size_t split) {
  RequestParser parser(row.limits);
  auto req = std::make_unique<Request>();
  std::string buf = row.input;
  Outcome o = parse_once(parser, buf.data(), split, req.get());
  if (o.result != ParseResult::kIncomplete) return o;
  return parse_once(parser, buf.data(), buf.size(), req.get());
}

void check_row(const Row& row, const Outcome& o) {
  if (row.status > 0) {
    ASSERT_EQ(o.result, ParseResult::kError);
    EXPECT_EQ(o.status, row.status);
    return;
  }
  if (row.status == kIncomplete) {
    ASSERT_EQ(o.result, ParseResult::kIncomplete);
    EXPECT_TRUE(o.head_complete);
  } else {
    ASSERT_EQ(o.result, ParseResult::kComplete) << "status " << o.status;
    EXPECT_EQ(o.consumed, row.consumed == 0 ? row.input.size() : row.consumed);
  }
  if (row.method) {
    EXPECT_EQ(o.method, *row.method);
  }
  if (row.path) {
    EXPECT_EQ(o.path, *row.path);
  }
  if (row.query) {
    EXPECT_EQ(o.query, *row.query);
  }
  if (row.body) {
    EXPECT_EQ(o.body, *row.body);
  }
  if (row.host) {
    EXPECT_EQ(o.host, *row.host);
  }
  if (row.version_minor) {
    EXPECT_EQ(o.version_minor, *row.version_minor);
  }
  if (row.keep_alive) {
    EXPECT_EQ(o.keep_alive, *row.keep_alive);
  }
  if (row.expect_continue) {
    EXPECT_EQ(o.expect_continue, *row.expect_continue);
  }
  if (row.is_head) {
    EXPECT_EQ(o.is_head, *row.is_head);
  }
  if (row.has_body) {
    EXPECT_EQ(o.has_body, *row.has_body);
  }
}

std::string many_headers(int n) {
  std::string s = "GET / HTTP/1.1\r\nHost: a\r\n";
  for (int i = 1; i < n; ++i) s += "X-" + std::to_string(i) + ": v\r\n";
  return s + "\r\n";
}

constexpr Limits kTiny{.max_header_bytes = 64, .max_body_bytes = 8};
const std::string kChunkedHead = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
const std::string kGet = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
const std::string kPostHi = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi";

const Row kRows[] = {
    // ---- valid ----
    {.name = "get",
     .input = kGet,
     .method = "GET",
     .path = "/",
     .query = "",
     .body = "",
     .host = "a",
     .version_minor = 1,
     .keep_alive = true,
     .expect_continue = false,
     .is_head = false,
     .has_body = false},
    {.name = "path_and_query",
     .input = "GET /a/b?x=1&y=2 HTTP/1.1\r\nHost: a\r\n\r\n",
     .path = "/a/b",
     .query = "x=1&y=2"},
    {.name = "empty_query",
     .input = "GET /a? HTTP/1.1\r\nHost: a\r\n\r\n",
     .path = "/a",
     .query = ""},
    {.name = "question_marks_in_query",
     .input = "GET /a?b?c HTTP/1.1\r\nHost: a\r\n\r\n",
     .path = "/a",
     .query = "b?c"},
    {.name = "content_length_body",
     .input = "POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello",
     .method = "POST",
     .body = "hello",
     .has_body = true},
    {.name = "content_length_zero",
     .input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n",
     .body = "",
     .has_body = true},
    {.name = "content_length_identical_list",
     .input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 3\r\n\r\nabc",
     .body = "abc"},
    {.name = "content_length_identical_repeat",
     .input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 003\r\n\r\nabc",
     .body = "abc"},
    {.name = "chunked",
     .input = kChunkedHead + "5\r\nhello\r\n0\r\n\r\n",
     .body = "hello",
     .has_body = true},
    {.name = "chunked_empty", .input = kChunkedHead + "0\r\n\r\n", .body = "", .has_body = true},
    {.name = "chunked_many_hex_sizes",
     .input = kChunkedHead + "3\r\nabc\r\nA\r\n0123456789\r\n00000001\r\n!\r\n000\r\n\r\n",
     .body = "abc0123456789!"},
    {.name = "chunked_extensions",
     .input = kChunkedHead + "5;a=b;flag ; q=\"x \\\"y\\\" z\"\r\nhello\r\n0;last=1\r\n\r\n",
     .body = "hello"},
    {.name = "chunked_trailers",
     .input = kChunkedHead + "2\r\nhi\r\n0\r\nX-Checksum: abc\r\nX-Other:\t1 \r\n\r\n",
     .body = "hi"},
    {.name = "chunked_coding_case_insensitive",
     .input = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: ChUnKeD\r\n\r\n1\r\nx\r\n0\r\n\r\n",
     .body = "x"},
    {.name = "expect_continue_with_body",
     .input = "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\nhi",
     .body = "hi",
     .expect_continue = true},
    {.name = "expect_continue_head_only",
     .input = "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n",
     .status = kIncomplete,
     .expect_continue = true},
    {.name = "expect_continue_ignored_in_http10",
     .input = "POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nhi",
     .expect_continue = false},
    {.name = "http10_closes_by_default",
     .input = "GET / HTTP/1.0\r\n\r\n",
     .host = "",
     .version_minor = 0,
     .keep_alive = false},
    {.name = "http10_keep_alive",
     .input = "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n",
     .version_minor = 0,
     .keep_alive = true},
    {.name = "http10_close_wins",
     .input = "GET / HTTP/1.0\r\nConnection: keep-alive, close\r\n\r\n",
     .keep_alive = false},
    {.name = "http11_close",
     .input = "GET / HTTP/1.1\r\nHost: a\r\nConnection: upgrade, CLOSE\r\n\r\n",
     .keep_alive = false},
    {.name = "http11_close_second_field",
     .input = "GET / HTTP/1.1\r\nHost: a\r\nConnection: te\r\nconnection: close\r\n\r\n",
     .keep_alive = false},
    {.name = "http11_keep_alive_default",
     .input = "GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive\r\n\r\n",
     .keep_alive = true},
    {.name = "http12_is_http11",
     .input = "GET / HTTP/1.2\r\nHost: a\r\n\r\n",
     .version_minor = 1,
     .keep_alive = true},
    {.name = "head",
     .input = "HEAD /x HTTP/1.1\r\nHost: a\r\n\r\n",
     .method = "HEAD",
     .is_head = true},
    {.name = "case_insensitive_fields",
     .input = "POST / HTTP/1.1\r\nhOsT: h\r\nCONTENT-LENGTH: 3\r\ncOnNeCtIoN: ClOsE\r\n\r\nabc",
     .body = "abc",
     .host = "h",
     .keep_alive = false},
    {.name = "absolute_form",
     .input = "GET http://example.com:8080/p/q?x=1 HTTP/1.1\r\nHost: other\r\n\r\n",
     .path = "/p/q",
     .query = "x=1",
     .host = "example.com:8080"},
    {.name = "absolute_form_no_path",
     .input = "GET HTTPS://Example.com HTTP/1.1\r\nHost: x\r\n\r\n",
     .path = "/",
     .query = "",
     .host = "Example.com"},
    {.name = "absolute_form_query_no_path",
     .input = "GET http://h?a=b HTTP/1.1\r\nHost: h\r\n\r\n",
     .path = "/",
     .query = "a=b"},
    {.name = "absolute_form_ipv6",
     .input = "GET http://[::1]:80/ HTTP/1.1\r\nHost: [::1]:80\r\n\r\n",
     .path = "/",
     .host = "[::1]:80"},
    {.name = "options_asterisk", .input = "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n", .path = "*"},
    {.name = "connect_authority",
     .input = "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n",
     .method = "CONNECT",
     .path = "",
     .host = "example.com:443"},
    {.name = "leading_empty_lines",
     .input = "\r\n\r\nGET /x HTTP/1.1\r\nHost: a\r\n\r\n",
     .method = "GET",
     .path = "/x"},
    {.name = "ows_trimmed", .input = "GET / HTTP/1.1\r\nHost: \t a.b \t\r\n\r\n", .host = "a.b"},
    {.name = "empty_host_value", .input = "GET / HTTP/1.1\r\nHost:\r\n\r\n", .host = ""},
    {.name = "extension_method",
     .input = "M-SEARCH /x HTTP/1.1\r\nHost: a\r\n\r\n",
     .method = "M-SEARCH"},
    {.name = "token_method", .input = "PURGE /c HTTP/1.1\r\nHost: a\r\n\r\n", .method = "PURGE"},
    {.name = "obs_text_in_value_and_target",
     .input = "GET /caf\xc3\xa9 HTTP/1.1\r\nHost: a\r\nX-Name: caf\xc3\xa9\r\n\r\n",
     .path = "/caf\xc3\xa9"},
    {.name = "exactly_64_fields", .input = many_headers(64)},
    {.name = "pipelined_first_only",
     .input = kPostHi + kGet,
     .body = "hi",
     .consumed = kPostHi.size()},
    {.name = "head_at_the_limit", .input = kGet, .limits = {.max_header_bytes = kGet.size()}},
    {.name = "body_at_the_limit",
     .input = kChunkedHead + "4\r\nabcd\r\n4\r\nefgh\r\n0\r\n\r\n",
     .body = "abcdefgh",
     .limits = kTiny},

    // ---- request-line ----
    {.name = "bare_lf_request_line", .input = "GET / HTTP/1.1\nHost: a\r\n\r\n", .status = 400},
    {.name = "bare_lf_leading", .input = "\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", .status = 400},
    {.name = "bare_cr_request_line",
     .input = "GET / HTTP/1.1\rX\r\nHost: a\r\n\r\n",
     .status = 400},
    {.name = "empty_method", .input = " / HTTP/1.1\r\nHost: a\r\n\r\n", .status = 400},
    {.name = "bad_method_char", .input = "GE(T / HTTP/1.1\r\nHost: a\r\n\r\n", .status = 400},
    {.name = "double_space", .input = "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", .status = 400},
    {.name = "tab_separator", .input = "GET\t/ HTTP/1.1\r\nHost: a\r\n\r\n", .status = 400},
    {.name = "no_version", .input = "GET /\r\nHost: a\r\n\r\n", .status = 400},
    {.name = "trailing_space_after_version",
     .input = "GET / HTTP/1.1 \r\nHost: a\r\n\r\n",
     .status = 400},
    {.name = "lowercase_version", .input = "GET / http/1.1\r\nHost: a\r\n\r\n", .status = 400},
    {.name = "two_digit_minor", .input = "GET / HTTP/1.10\r\nHost: a\r\n\r\n", .status = 400},
    {.name = "malformed_version", .input = "GET / HTTP/1.x\r\nHost: a\r\n\r\n", .status = 400},
    {.name = "http20", .input = "GET / HTTP/2.0\r\nHost: a\r\n\r\n", .status = 505},
    {.name = "http09", .input = "GET / HTTP/0.9\r\nHost: a\r\n\r\n", .status = 505},
    {.name = "h2_preface", .input = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", .status = 505},
    {.name = "relative_target", .input = "GET foo HTTP/1.1\r\nHost: a\r\n\r\n", .status = 400},
    {.name = "control_char_in_target",
     .input = "GET /a\x01z HTTP/1.1\r\nHost: a\r\n\r\n",
     .status = 400},
    {.name = "del_in_target", .input = "GET /a\x7fz HTTP/1.1\r\nHost: a\r\n\r\n", .status = 400},
    {.name = "asterisk_for_get", .input = "GET * HTTP/1.1\r\nHost: a\r\n\r\n", .status = 400},
    {.name = "connect_origin_form",
     .input = "CONNECT / HTTP/1.1\r\nHost: a\r\n\r\n",
     .status = 400},
    {.name = "connect_without_port",
     .input = "CONNECT example.com HTTP/1.1\r\nHost: a\r\n\r\n",
     .status = 400},
    {.name = "authority_form_for_get",
     .input = "GET example.com:80 HTTP/1.1\r\nHost: a\r\n\r\n",
     .status = 400},
    {.name = "absolute_form_empty_host",
     .input = "GET http:///p HTTP/1.1\r\nHost: a\r\n\r\n",
     .status = 400},
    {.name = "absolute_form_userinfo",
     .input = "GET http://u:p@h/ HTTP/1.1\r\nHost: h\r\n\r\n",
     .status = 400},
    {.name = "absolute_form_other_scheme",
     .input = "GET ftp://h/ HTTP/1.1\r\nHost: h\r\n\r\n",
     .status = 400},

    // ---- fields ----
    {.name = "bare_lf_in_fields", .input = "GET / HTTP/1.1\r\nHost: a\n\r\n", .status = 400},
    {.name = "bare_lf_final_line", .input = "GET / HTTP/1.1\r\nHost: a\r\n\n", .status = 400},
    {.name = "bare_cr_in_value", .input = "GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n", .status = 400},
    {.name = "bare_cr_line_start",
     .input = "GET / HTTP/1.1\r\nHost: a\r\n\rX: y\r\n\r\n",
     .status = 400},
    {.name = "space_before_colon", .input = "GET / HTTP/1.1\r\nHost : a\r\n\r\n", .status = 400},
    {.name = "tab_before_colon", .input = "GET / HTTP/1.1\r\nHost\t: a\r\n\r\n", .status = 400},
    {.name = "obs_fold",
     .input = "GET / HTTP/1.1\r\nHost: a\r\nX-Long: a\r\n  b\r\n\r\n",
     .status = 400},
    {.name = "space_before_first_field",
     .input = "GET / HTTP/1.1\r\n Host: a\r\n\r\n",
     .status = 400},
    {.name = "empty_field_name",
     .input = "GET / HTTP/1.1\r\nHost: a\r\n: v\r\n\r\n",
     .status = 400},
    {.name = "no_colon", .input = "GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", .status = 400},
    {.name = "bad_name_char",
     .input = "GET / HTTP/1.1\r\nHost: a\r\nX(y): v\r\n\r\n",
     .status = 400},
    {.name = "nul_in_value",
     .input = "GET / HTTP/1.1\r\nHost: a\r\nX: a\0b\r\n\r\n"s,
     .status = 400},
    {.name = "del_in_value",
     .input = "GET / HTTP/1.1\r\nHost: a\r\nX: a\x7f\r\n\r\n",
     .status = 400},
    {.name = "missing_host", .input = "GET / HTTP/1.1\r\n\r\n", .status = 400},
    {.name = "two_hosts", .input = "GET / HTTP/1.1\r\nHost: a\r\nhost: a\r\n\r\n", .status = 400},
    {.name = "invalid_host", .input = "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", .status = 400},
    {.name = "host_with_userinfo", .input = "GET / HTTP/1.1\r\nHost: u@a\r\n\r\n", .status = 400},
    {.name = "too_many_fields", .input = many_headers(65), .status = 431},
    {.name = "head_over_limit",
     .input = kGet,
     .status = 431,
     .limits = {.max_header_bytes = kGet.size() - 1}},
    {.name = "head_end_never_seen",
     .input = "GET /" + std::string(100, 'a'),
     .status = 431,
     .limits = {.max_header_bytes = 64}},

    // ---- framing ----
    {.name = "te_and_cl",
     .input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: "
              "chunked\r\n\r\n0\r\n\r\n",
     .status = 400},
    {.name = "cl_not_digits",
     .input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5a\r\n\r\n",
     .status = 400},
    {.name = "cl_signed",
     .input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\n",
     .status = 400},
    {.name = "cl_empty",
     .input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length:\r\n\r\n",
     .status = 400},
    {.name = "cl_overflow",
     .input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 18446744073709551616\r\n\r\n",
     .status = 400},
    {.name = "cl_differing_list",
     .input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 6\r\n\r\nhello",
     .status = 400},
    {.name = "cl_differing_fields",
     .input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
     .status = 400},
    {.name = "cl_empty_element",
     .input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5,\r\n\r\nhello",
     .status = 400},
    {.name = "cl_over_limit_before_body",
     .input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1048577\r\n\r\n",
     .status = 413},
    {.name = "te_final_not_chunked",
     .input = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n",
     .status = 400},
    {.name = "te_chunked_then_gzip",
     .input = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n",
     .status = 400},
    {.name = "te_chunked_twice",
     .input = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: "
              "chunked\r\n\r\n",
     .status = 400},
    {.name = "te_empty",
     .input = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\r\n\r\n",
     .status = 400},
    {.name = "te_gzip_chunked",
     .input = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
     .status = 501},
    {.name = "te_split_across_fields",
     .input = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: deflate\r\nTransfer-Encoding: "
              "chunked\r\n\r\n",
     .status = 501},
    {.name = "te_in_http10",
     .input = "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
     .status = 400},

    // ---- chunked body ----
    {.name = "chunk_size_not_hex", .input = kChunkedHead + "x\r\n", .status = 400},
    {.name = "chunk_size_empty", .input = kChunkedHead + "\r\n", .status = 400},
    {.name = "chunk_size_negative", .input = kChunkedHead + "-1\r\n", .status = 400},
    {.name = "chunk_size_space", .input = kChunkedHead + "5 \r\nhello\r\n0\r\n\r\n", .status = 400},
    {.name = "chunk_ext_no_name",
     .input = kChunkedHead + "5;\r\nhello\r\n0\r\n\r\n",
     .status = 400},
    {.name = "chunk_ext_unterminated_quote",
     .input = kChunkedHead + "5;a=\"b\r\nhello\r\n0\r\n\r\n",
     .status = 400},
    {.name = "chunk_ext_ctl",
     .input = kChunkedHead + "5;a\x01\r\nhello\r\n0\r\n\r\n",
     .status = 400},
    {.name = "chunk_size_bare_lf", .input = kChunkedHead + "5\nhello\r\n0\r\n\r\n", .status = 400},
    {.name = "chunk_data_too_long",
     .input = kChunkedHead + "5\r\nhelloX\r\n0\r\n\r\n",
     .status = 400},
    {.name = "chunk_data_bare_lf", .input = kChunkedHead + "5\r\nhello\n0\r\n\r\n", .status = 400},
    {.name = "last_chunk_bare_lf", .input = kChunkedHead + "0\r\n\n", .status = 400},
    {.name = "trailer_without_colon", .input = kChunkedHead + "0\r\nBad\r\n\r\n", .status = 400},
    {.name = "trailer_obs_fold", .input = kChunkedHead + "0\r\nX: a\r\n b\r\n\r\n", .status = 400},
    {.name = "chunk_size_over_limit", .input = kChunkedHead + "100001\r\n", .status = 413},
    {.name = "chunk_size_overflow",
     .input = kChunkedHead + "fffffffffffffffffffff\r\n",
     .status = 413},
    {.name = "chunked_total_over_limit",
     .input = kChunkedHead + "5\r\nhello\r\n4\r\nabcd\r\n0\r\n\r\n",
     .status = 413,
     .limits = kTiny},
    {.name = "chunk_framing_over_limit",
     .input = kChunkedHead + "1;" + std::string(100, 'e') + "\r\nx\r\n0\r\n\r\n",
     .status = 413,
     .limits = kTiny},
    {.name = "trailers_over_limit",
     .input = kChunkedHead + "0\r\nX-Big: " + std::string(80, 'v') + "\r\n\r\n",
     .status = 431,
     .limits = {.max_header_bytes = 64}},
};

TEST(AllocationCounter, SeesAnAllocation) {
  static int* volatile sink;
  std::size_t before = g_allocations;
  sink = new int(1);
  delete sink;
  EXPECT_EQ(g_allocations, before + 1);
}

class ParserTable : public testing::TestWithParam<Row> {};

TEST_P(ParserTable, Whole) {
  check_row(GetParam(), parse_whole(GetParam()));
}

TEST_P(ParserTable, ByteAtATimeMatchesWhole) {
  Outcome whole = parse_whole(GetParam());
  Outcome bytewise = parse_bytewise(GetParam());
  check_row(GetParam(), bytewise);
  EXPECT_TRUE(bytewise == whole);
}

TEST_P(ParserTable, MovingBufferMatchesWhole) {
  Outcome whole = parse_whole(GetParam());
  Outcome moving = parse_moving(GetParam());
  check_row(GetParam(), moving);
  EXPECT_TRUE(moving == whole);
}

TEST_P(ParserTable, EverySplitMatchesWhole) {
  const Row& row = GetParam();
  Outcome whole = parse_whole(row);
  for (std::size_t split = 0; split <= row.input.size(); ++split) {
    Outcome o = parse_split(row, split);
    ASSERT_TRUE(o == whole) << "split at " << split;
  }
}

INSTANTIATE_TEST_SUITE_P(Requests, ParserTable, testing::ValuesIn(kRows),
                         [](const testing::TestParamInfo<Row>& info) { return info.param.name; });

TEST(RequestParser, PipelinedRequestsParseOneAfterAnother) {
  const std::string first = "GET /one HTTP/1.1\r\nHost: a\r\n\r\n";
  const std::string second = "POST /two HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc";
  const std::string third = kChunkedHead + "3\r\nxyz\r\n0\r\n\r\n";
  const std::string fourth = "\r\nHEAD /four HTTP/1.1\r\nHost: a\r\n\r\n";
  std::string buf = first + second + third + fourth;
  const std::size_t sizes[] = {first.size(), second.size(), third.size(), fourth.size()};
  const char* paths[] = {"/one", "/two", "/", "/four"};
  const char* bodies[] = {"", "abc", "xyz", ""};

  RequestParser parser;
  Request req;
  std::size_t offset = 0;
  for (int i = 0; i < 4; ++i) {
    std::size_t consumed = 0;
    ASSERT_EQ(parser.parse(buf.data() + offset, buf.size() - offset, &req, &consumed),
              ParseResult::kComplete)
        << i;
    EXPECT_EQ(consumed, sizes[i]);
    EXPECT_EQ(req.path, paths[i]);
    EXPECT_EQ(req.body, bodies[i]);
    offset += consumed;
    parser.reset();
  }
  EXPECT_EQ(offset, buf.size());
  std::size_t consumed = 1;
  EXPECT_EQ(parser.parse(buf.data() + offset, 0, &req, &consumed), ParseResult::kIncomplete);
  EXPECT_FALSE(parser.head_complete());
}

TEST(RequestParser, HeadCompleteBeforeTheBodyForExpectContinue) {
  std::string buf =
      "PUT /u HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n";
  std::size_t head = buf.size();
  RequestParser parser;
  Request req;
  std::size_t consumed = 0;
  ASSERT_EQ(parser.parse(buf.data(), head, &req, &consumed), ParseResult::kIncomplete);
  EXPECT_TRUE(parser.head_complete());
  EXPECT_TRUE(req.expect_continue);
  EXPECT_EQ(req.method, "PUT");
  EXPECT_EQ(req.header("content-length"), "4");
  EXPECT_TRUE(req.body.empty());

  buf += "da";
  ASSERT_EQ(parser.parse(buf.data(), buf.size(), &req, &consumed), ParseResult::kIncomplete);
  buf += "ta";
  ASSERT_EQ(parser.parse(buf.data(), buf.size(), &req, &consumed), ParseResult::kComplete);
  EXPECT_EQ(req.body, "data");
  EXPECT_EQ(consumed, head + 4);
}

TEST(RequestParser, HeadIsNotCompleteWhileFieldsArrive) {
  std::string buf = "GET / HTTP/1.1\r\nHost: a\r\n";
  RequestParser parser;
  Request req;
  std::size_t consumed = 0;
  EXPECT_EQ(parser.parse(buf.data(), buf.size(), &req, &consumed), ParseResult::kIncomplete);
  EXPECT_FALSE(parser.head_complete());
}

TEST(RequestParser, ContentLengthOverTheLimitIsRejectedBeforeTheBody) {
  std::string buf = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 101\r\n\r\n";
  RequestParser parser(Limits{.max_body_bytes = 100});
  Request req;
  std::size_t consumed = 0;
  EXPECT_EQ(parser.parse(buf.data(), buf.size(), &req, &consumed), ParseResult::kError);
  EXPECT_EQ(parser.error_status(), 413);
  EXPECT_FALSE(parser.head_complete());
}

TEST(RequestParser, ErrorsAreStickyUntilReset) {
  std::string bad = "GET / HTTP/1.1\r\n\r\n";
  RequestParser parser;
  Request req;
  std::size_t consumed = 0;
  EXPECT_EQ(parser.parse(bad.data(), bad.size(), &req, &consumed), ParseResult::kError);
  EXPECT_EQ(parser.error_status(), 400);
  EXPECT_EQ(parser.error_reason(), "missing Host header");
  std::string good = kGet;
  EXPECT_EQ(parser.parse(good.data(), good.size(), &req, &consumed), ParseResult::kError);
  parser.reset();
  EXPECT_EQ(parser.error_status(), 0);
  EXPECT_EQ(parser.parse(good.data(), good.size(), &req, &consumed), ParseResult::kComplete);
}

TEST(RequestParser, ResetKeepsTheLimits) {
  RequestParser parser(Limits{.max_header_bytes = 20});
  parser.reset();
  std::string buf = kGet;
  Request req;
  std::size_t consumed = 0;
  EXPECT_EQ(parser.parse(buf.data(), buf.size(), &req, &consumed), ParseResult::kError);
  EXPECT_EQ(parser.error_status(), 431);
}

TEST(RequestParser, ChunkedBodyIsDecodedInPlace) {
  std::string buf = kChunkedHead + "4\r\nabcd\r\n3;x=y\r\nefg\r\n1\r\nh\r\n0\r\nT: v\r\n\r\n";
  RequestParser parser;
  Request req;
  std::size_t consumed = 0;
  ASSERT_EQ(parser.parse(buf.data(), buf.size(), &req, &consumed), ParseResult::kComplete);
  EXPECT_EQ(req.body, "abcdefgh");
  EXPECT_TRUE(req.chunked);
  EXPECT_EQ(consumed, buf.size());
  // The first chunk's data stays where it arrived; the others follow it.
  EXPECT_EQ(req.body.data(), buf.data() + kChunkedHead.size() + 3);
  EXPECT_EQ(req.header_count, 2u);
  EXPECT_EQ(req.header("t"), "");
}

TEST(RequestParser, HeaderLookupIsCaseInsensitiveAndFirstMatch) {
  std::string buf = "GET / HTTP/1.1\r\nHost: a\r\nX-Thing: one\r\nx-thing: two\r\nEmpty:\r\n\r\n";
  RequestParser parser;
  Request req;
  std::size_t consumed = 0;
  ASSERT_EQ(parser.parse(buf.data(), buf.size(), &req, &consumed), ParseResult::kComplete);
  EXPECT_EQ(req.header("x-thing"), "one");
  EXPECT_EQ(req.header("X-THING"), "one");
  EXPECT_EQ(req.header("host"), "a");
  EXPECT_EQ(req.header("empty"), "");
  EXPECT_EQ(req.header("missing"), "");
  ASSERT_EQ(req.header_count, 4u);
  EXPECT_EQ(req.headers[1].name, "X-Thing");
  EXPECT_EQ(req.headers[2].name, "x-thing");
}

TEST(RequestParser, ErrorReasonNamesTheProblem) {
  struct Case {
    std::string input;
    std::string_view reason;
  };
  const Case cases[] = {
      {"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: x\r\n\r\n", "invalid Content-Length"},
      {"GET / HTTP/1.1\r\nHost : a\r\n\r\n", "whitespace before colon"},
      {"GET / HTTP/1.1\nHost: a\r\n\r\n", "bare LF line ending"},
      {"GET / HTTP/2.0\r\n\r\n", "unsupported HTTP version"},
  };
  for (const Case& c : cases) {
    RequestParser parser;
    Request req;
    std::string buf = c.input;
    std::size_t consumed = 0;
    EXPECT_EQ(parser.parse(buf.data(), buf.size(), &req, &consumed), ParseResult::kError);
    EXPECT_EQ(parser.error_reason(), c.reason) << c.input;
  }
}

}  // namespace
}  // namespace kite::http
