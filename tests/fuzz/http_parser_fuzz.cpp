// libFuzzer target for RequestParser. Input: one options byte (bit 0: tiny
// limits, so 413 and 431 paths are reached), one split byte, then the bytes
// received on a connection. The bytes are parsed as a sequence of pipelined
// requests three ways: whole, with the first request's bytes split in two
// calls at the split byte's fraction, and (for short inputs) one byte per
// call. All three must agree, and every outcome must keep the invariants:
// consumed <= len, every view inside the request's bytes, the body within
// the limit, errors only with the documented statuses.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kite/http/parser.h"

namespace {

using kite::http::Limits;
using kite::http::ParseResult;
using kite::http::Request;
using kite::http::RequestParser;

#define FUZZ_CHECK(cond)                                                            \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                 \
    }                                                                               \
  } while (0)

// One parsed request (or the final error / incomplete state), copied out.
struct Parsed {
  ParseResult result = ParseResult::kIncomplete;
  int status = 0;
  std::size_t consumed = 0;
  std::string method, target, path, query, host, body;
  std::vector<std::string> fields;
  int version_minor = 0;
  bool keep_alive = false, expect_continue = false, is_head = false, has_body = false;

  bool operator==(const Parsed&) const = default;
};

bool within(std::string_view v, const char* begin, const char* end) {
  return v.empty() || (v.data() >= begin && v.data() + v.size() <= end);
}

// Checks the invariants of one parse() call on [data, data + len).
void check(const RequestParser& parser, ParseResult result, const Request& req, const char* data,
           std::size_t len, std::size_t consumed, const Limits& limits) {
  if (result == ParseResult::kError) {
    int s = parser.error_status();
    FUZZ_CHECK(s == 400 || s == 413 || s == 431 || s == 501 || s == 505);
    FUZZ_CHECK(!parser.error_reason().empty());
    FUZZ_CHECK(!parser.head_complete());
    return;
  }
  if (result == ParseResult::kIncomplete) {
    FUZZ_CHECK(consumed == 0);
    if (!parser.head_complete()) return;
    consumed = len;  // the head is in the bytes so far
  } else {
    FUZZ_CHECK(consumed > 0 && consumed <= len);
    FUZZ_CHECK(parser.head_complete());
  }
  const char* end = data + consumed;
  FUZZ_CHECK(!req.method.empty() && within(req.method, data, end));
  FUZZ_CHECK(!req.target.empty() && within(req.target, data, end));
  FUZZ_CHECK(within(req.path, data, end) || req.path == "/");
  FUZZ_CHECK(within(req.query, data, end));
  FUZZ_CHECK(within(req.host, data, end));
  FUZZ_CHECK(req.header_count <= kite::http::kMaxHeaders);
  for (std::size_t i = 0; i < req.header_count; ++i) {
    FUZZ_CHECK(!req.headers[i].name.empty() && within(req.headers[i].name, data, end));
    FUZZ_CHECK(within(req.headers[i].value, data, end));
  }
  FUZZ_CHECK(req.version_minor == 0 || req.version_minor == 1);
  if (result == ParseResult::kComplete) {
    FUZZ_CHECK(within(req.body, data, end));
    FUZZ_CHECK(req.body.size() <= limits.max_body_bytes);
    FUZZ_CHECK(req.has_body || req.body.empty());
    // A Content-Length body is the request's last bytes, as received.
    if (req.has_body && !req.chunked) FUZZ_CHECK(req.body.data() + req.body.size() == end);
  } else {
    FUZZ_CHECK(req.body.empty());
  }
}

Parsed snapshot(const RequestParser& parser, ParseResult result, const Request& req,
                std::size_t consumed) {
  Parsed p;
  p.result = result;
  if (result == ParseResult::kError) {
    p.status = parser.error_status();
    return p;
  }
  if (result == ParseResult::kIncomplete && !parser.head_complete()) return p;
  p.consumed = consumed;
  p.method = req.method;
  p.target = req.target;
  p.path = req.path;
  p.query = req.query;
  p.host = req.host;
  p.body = req.body;
  for (std::size_t i = 0; i < req.header_count; ++i) {
    p.fields.push_back(std::string(req.headers[i].name) + ":" + std::string(req.headers[i].value));
  }
  p.version_minor = req.version_minor;
  p.keep_alive = req.keep_alive;
  p.expect_continue = req.expect_continue;
  p.is_head = req.is_head;
  p.has_body = req.has_body;
  return p;
}

enum class Feed { kWhole, kSplit, kBytewise };

// Parses every pipelined request in `input`, feeding the first one as `feed`
// says; returns one Parsed per request plus the final state.
std::vector<Parsed> parse_all(std::string_view input, const Limits& limits, Feed feed,
                              std::size_t split) {
  // An exact-size copy, so reading past `len` is caught by ASan; the parser
  // rewrites chunked bodies in it.
  auto buf = std::make_unique<char[]>(input.size() + 1);
  std::memcpy(buf.get(), input.data(), input.size());
  RequestParser parser(limits);
  auto req = std::make_unique<Request>();
  std::vector<Parsed> out;
  std::size_t offset = 0;
  bool first = true;
  for (;;) {
    char* data = buf.get() + offset;
    std::size_t len = input.size() - offset;
    std::size_t consumed = 0;
    ParseResult result = ParseResult::kIncomplete;
    std::size_t step = feed == Feed::kBytewise && first ? 0 : len;
    if (feed == Feed::kSplit && first) step = std::min(split, len);
    for (;; step = std::min(len, feed == Feed::kBytewise ? step + 1 : len)) {
      result = parser.parse(data, step, req.get(), &consumed);
      check(parser, result, *req, data, step, consumed, limits);
      if (result != ParseResult::kIncomplete || step == len) break;
    }
    out.push_back(snapshot(parser, result, *req, consumed));
    if (result != ParseResult::kComplete) return out;
    offset += consumed;
    first = false;
    parser.reset();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  Limits limits;
  if (data[0] & 1) limits = Limits{.max_header_bytes = 96, .max_body_bytes = 32};
  std::string_view input(reinterpret_cast<const char*>(data + 2), size - 2);
  std::size_t split = input.size() * data[1] / 255;

  std::vector<Parsed> whole = parse_all(input, limits, Feed::kWhole, 0);
  FUZZ_CHECK(parse_all(input, limits, Feed::kSplit, split) == whole);
  if (input.size() <= 4096) FUZZ_CHECK(parse_all(input, limits, Feed::kBytewise, 0) == whole);
  return 0;
}
