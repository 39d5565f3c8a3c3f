// Pins kite-load's response parser (RFC 9112): Content-Length, chunked
// bodies with extensions and trailers, bodies delimited by the close,
// keep-alive rules, pipelined responses in one buffer, the same bytes split
// at every position and fed a byte at a time, and the errors it must
// refuse.
#include "response_parser.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace kite::load {
// How GoogleTest prints a Response in a failure message.
void PrintTo(const Response& r, std::ostream* out) {
  *out << "{" << r.status << (r.keep_alive ? ", keep-alive, " : ", close, ") << r.body_bytes
       << " body bytes}";
}
}  // namespace kite::load

namespace {

using kite::load::Response;
using kite::load::ResponseParser;
using Result = ResponseParser::Result;

struct Parsed {
  std::vector<Response> responses;
  bool error = false;
  std::string message;
};

// Feeds `pieces` in order, collecting every complete response.
Parsed feed(ResponseParser& parser, const std::vector<std::string>& pieces) {
  Parsed parsed;
  for (const std::string& piece : pieces) {
    std::string_view data = piece;
    while (!data.empty()) {
      std::size_t consumed = 0;
      const Result result = parser.parse(data, consumed);
      EXPECT_LE(consumed, data.size());
      data.remove_prefix(consumed);
      if (result == Result::kComplete) {
        parsed.responses.push_back(parser.response());
      } else if (result == Result::kError) {
        parsed.error = true;
        parsed.message = std::string(parser.error());
        return parsed;
      } else {
        EXPECT_TRUE(data.empty());
      }
    }
  }
  return parsed;
}

Parsed parse_all(const std::string& bytes, bool head = false) {
  ResponseParser parser(head);
  return feed(parser, {bytes});
}

const std::string kContentLength = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
const std::string kChunked =
    "HTTP/1.1 201 Created\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
    "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: yes\r\n\r\n";
const std::string kNoContent = "HTTP/1.1 204 No Content\r\nContent-Length: 99\r\n\r\n";
const std::string kNotModified = "HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n";
const std::string kContinueThenOk =
    "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\ncontent-length: 3\r\n\r\nnot";
const std::string kEmptyBody = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
const std::string kClose =
    "HTTP/1.1 503 Busy\r\nConnection: close\r\nContent-Length: 4\r\n\r\nbusy";

// Six pipelined responses in one buffer; the last closes the connection.
const std::string kPipelined =
    kContentLength + kChunked + kNoContent + kNotModified + kContinueThenOk + kEmptyBody + kClose;
const std::vector<Response> kPipelinedResponses{{200, true, 5}, {201, true, 11}, {204, true, 0},
                                                {304, true, 0}, {404, true, 3},  {200, true, 0},
                                                {503, false, 4}};

TEST(LoadResponseParser, ContentLength) {
  const Parsed p = parse_all(kContentLength);
  ASSERT_FALSE(p.error) << p.message;
  ASSERT_EQ(p.responses.size(), 1u);
  EXPECT_EQ(p.responses[0], (Response{200, true, 5}));
}

TEST(LoadResponseParser, ChunkedWithExtensionsAndTrailers) {
  const Parsed p = parse_all(kChunked);
  ASSERT_FALSE(p.error) << p.message;
  ASSERT_EQ(p.responses.size(), 1u);
  EXPECT_EQ(p.responses[0], (Response{201, true, 11}));
}

TEST(LoadResponseParser, PipelinedResponsesInOneBuffer) {
  const Parsed p = parse_all(kPipelined);
  ASSERT_FALSE(p.error) << p.message;
  EXPECT_EQ(p.responses, kPipelinedResponses);
}

TEST(LoadResponseParser, SplitAtEveryByte) {
  for (std::size_t split = 0; split <= kPipelined.size(); ++split) {
    ResponseParser parser;
    const Parsed p = feed(parser, {kPipelined.substr(0, split), kPipelined.substr(split)});
    ASSERT_FALSE(p.error) << "split at " << split << ": " << p.message;
    ASSERT_EQ(p.responses, kPipelinedResponses) << "split at " << split;
  }
}

TEST(LoadResponseParser, OneByteAtATime) {
  std::vector<std::string> bytes;
  for (char c : kPipelined) bytes.emplace_back(1, c);
  ResponseParser parser;
  const Parsed p = feed(parser, bytes);
  ASSERT_FALSE(p.error) << p.message;
  EXPECT_EQ(p.responses, kPipelinedResponses);
}

TEST(LoadResponseParser, KeepAliveRules) {
  EXPECT_FALSE(parse_all("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n").responses[0].keep_alive);
  EXPECT_TRUE(parse_all("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n")
                  .responses[0]
                  .keep_alive);
  EXPECT_FALSE(
      parse_all("HTTP/1.1 200 OK\r\nConnection: upgrade, CLOSE\r\nContent-Length: 0\r\n\r\n")
          .responses[0]
          .keep_alive);
}

TEST(LoadResponseParser, BareLineFeedsAreAccepted) {
  const Parsed p = parse_all("HTTP/1.1 200 OK\nContent-Length: 2\n\nok");
  ASSERT_FALSE(p.error) << p.message;
  EXPECT_EQ(p.responses, (std::vector<Response>{{200, true, 2}}));
}

TEST(LoadResponseParser, BodyUntilCloseCompletesOnClose) {
  ResponseParser parser;
  const Parsed p = feed(parser, {"HTTP/1.1 200 OK\r\n\r\nabc", "def"});
  EXPECT_TRUE(p.responses.empty());
  ASSERT_EQ(parser.on_close(), Result::kComplete);
  EXPECT_EQ(parser.response(), (Response{200, false, 6}));
}

TEST(LoadResponseParser, CleanAndUncleanClose) {
  ResponseParser idle;
  EXPECT_EQ(idle.on_close(), Result::kNeedMore);
  ResponseParser after_one;
  feed(after_one, {kContentLength});
  EXPECT_EQ(after_one.on_close(), Result::kNeedMore);
  ResponseParser mid_body;
  feed(mid_body, {"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"});
  EXPECT_EQ(mid_body.on_close(), Result::kError);
  ResponseParser mid_headers;
  feed(mid_headers, {"HTTP/1.1 200 OK\r\nContent-"});
  EXPECT_EQ(mid_headers.on_close(), Result::kError);
}

TEST(LoadResponseParser, HeadResponsesHaveNoBody) {
  const Parsed p = parse_all(
      "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
      /*head=*/true);
  ASSERT_FALSE(p.error) << p.message;
  EXPECT_EQ(p.responses, (std::vector<Response>{{200, true, 0}, {200, true, 0}}));
}

TEST(LoadResponseParser, RepeatedIdenticalContentLengthIsAccepted) {
  const Parsed p =
      parse_all("HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\nContent-Length: 2\r\n\r\nok");
  ASSERT_FALSE(p.error) << p.message;
  EXPECT_EQ(p.responses[0].body_bytes, 2u);
}

TEST(LoadResponseParser, RefusesMalformedResponses) {
  const std::vector<std::string> bad{
      "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n",  // smuggling
      "HTTP/1.1 200 OK\r\nContent-Length: 2, 3\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 0x10\r\n\r\n",
      "HTTP/2 200 OK\r\n\r\n",
      "HTTP/1.1 20 OK\r\n\r\n",
      "HTTP/1.1 2000 OK\r\n\r\n",
      "HTTP/1.1 099 Low\r\n\r\n",
      "hello world\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length : 2\r\n\r\nok",
      "HTTP/1.1 200 OK\r\nX-A: 1\r\n folded\r\n\r\n",
      "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nokX\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000000000000000\r\n",
      "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n",
      "HTTP/1.1 200 OK\r\nX-Big: " + std::string(70'000, 'a') + "\r\n\r\n",
  };
  for (const std::string& bytes : bad) {
    const Parsed p = parse_all(bytes);
    EXPECT_TRUE(p.error) << bytes.substr(0, 80);
    EXPECT_FALSE(p.message.empty());
  }
}

TEST(LoadResponseParser, ResetForgetsAPartialResponse) {
  ResponseParser parser;
  feed(parser, {"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"});
  parser.reset();
  const Parsed p = feed(parser, {kContentLength});
  ASSERT_FALSE(p.error) << p.message;
  EXPECT_EQ(p.responses, (std::vector<Response>{{200, true, 5}}));
}

}  // namespace
