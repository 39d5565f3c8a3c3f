// The response writer: exact response bytes, Content-Length formatting,
// bodiless responses, the Date cache, status texts, error responses and
// OutBuffer.
#include <gtest/gtest.h>

#include <ctime>
#include <regex>
#include <string>

#include "kite/http/writer.h"

namespace kite::http {
namespace {

// The response with its Date line (checked to be a well-formed IMF-fixdate
// for the current second) replaced by "Date: <now>\r\n".
std::string with_date_placeholder(std::string_view response) {
  std::string s(response);
  std::size_t at = s.find("\r\nDate: ");
  if (at == std::string::npos) return s;
  std::string line = s.substr(at + 2, DateCache::kLineSize);
  static const std::regex kImfFixdate(
      "Date: (Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-3][0-9] "
      "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} [0-2][0-9]:[0-5][0-9]:[0-6][0-9] "
      "GMT\r\n");
  EXPECT_TRUE(std::regex_match(line, kImfFixdate)) << line;
  s.replace(at + 2, DateCache::kLineSize, "Date: <now>\r\n");
  return s;
}

std::string respond(const ResponseHead& head, std::string_view body) {
  OutBuffer out;
  DateCache date;
  write_response(out, date, head, body);
  return with_date_placeholder(out.view());
}

TEST(WriteResponse, ExactBytes) {
  const Header extra[] = {{"X-Request-Id", "42"}, {"Set-Cookie", "a=b; Path=/"}};
  ResponseHead head;
  head.content_type = "application/json";
  head.headers = extra;
  head.header_count = 2;
  EXPECT_EQ(respond(head, R"({"ok":true})"),
            "HTTP/1.1 200 OK\r\n"
            "Date: <now>\r\n"
            "Content-Type: application/json\r\n"
            "Content-Length: 11\r\n"
            "X-Request-Id: 42\r\n"
            "Set-Cookie: a=b; Path=/\r\n"
            "\r\n"
            R"({"ok":true})");
}

TEST(WriteResponse, CloseAndNoContentType) {
  ResponseHead head;
  head.status = 404;
  head.keep_alive = false;
  EXPECT_EQ(respond(head, "nope"),
            "HTTP/1.1 404 Not Found\r\nDate: <now>\r\nContent-Length: 4\r\n"
            "Connection: close\r\n\r\nnope");
}

TEST(WriteResponse, Http10KeepAliveIsAnnounced) {
  ResponseHead head;
  head.version_minor = 0;
  EXPECT_EQ(respond(head, "x"),
            "HTTP/1.1 200 OK\r\nDate: <now>\r\nContent-Length: 1\r\n"
            "Connection: keep-alive\r\n\r\nx");
  head.keep_alive = false;
  EXPECT_EQ(respond(head, "x"),
            "HTTP/1.1 200 OK\r\nDate: <now>\r\nContent-Length: 1\r\n"
            "Connection: close\r\n\r\nx");
}

TEST(WriteResponse, ContentLengthFormatting) {
  for (std::size_t n : {0u, 9u, 10u, 1234567u}) {
    std::string body(n, 'b');
    std::string expected =
        "HTTP/1.1 200 OK\r\nDate: <now>\r\nContent-Length: " + std::to_string(n) + "\r\n\r\n" +
        body;
    EXPECT_EQ(respond(ResponseHead{}, body), expected) << n;
  }
}

TEST(WriteResponse, HeadHasLengthButNoBody) {
  ResponseHead head;
  head.head_request = true;
  head.content_type = "text/plain";
  EXPECT_EQ(respond(head, "hello"),
            "HTTP/1.1 200 OK\r\nDate: <now>\r\nContent-Type: text/plain\r\n"
            "Content-Length: 5\r\n\r\n");
}

TEST(WriteResponse, NoContentStatusesHaveNoBody) {
  ResponseHead head;
  head.status = 204;
  EXPECT_EQ(respond(head, "ignored"), "HTTP/1.1 204 No Content\r\nDate: <now>\r\n\r\n");
  head.status = 304;
  EXPECT_EQ(respond(head, "ignored"), "HTTP/1.1 304 Not Modified\r\nDate: <now>\r\n\r\n");
  head.status = 101;
  EXPECT_EQ(respond(head, ""), "HTTP/1.1 101 Switching Protocols\r\nDate: <now>\r\n\r\n");
}

TEST(WriteResponse, HandlerFramingFieldsAreDropped) {
  const Header extra[] = {{"content-length", "999"},
                          {"Transfer-Encoding", "chunked"},
                          {"CONNECTION", "close"},
                          {"X-Kept", "yes"}};
  ResponseHead head;
  head.headers = extra;
  head.header_count = 4;
  EXPECT_EQ(respond(head, "ab"),
            "HTTP/1.1 200 OK\r\nDate: <now>\r\nContent-Length: 2\r\nX-Kept: yes\r\n\r\nab");
}

TEST(WriteResponse, StatusesOutsideTheTable) {
  ResponseHead head;
  head.status = 299;
  EXPECT_EQ(respond(head, ""), "HTTP/1.1 299 Unknown\r\nDate: <now>\r\nContent-Length: 0\r\n\r\n");
  head.status = 42;
  EXPECT_EQ(respond(head, ""),
            "HTTP/1.1 500 Internal Server Error\r\nDate: <now>\r\nContent-Length: 0\r\n\r\n");
}

TEST(WriteResponse, AppendsAfterWhatIsBuffered) {
  OutBuffer out;
  DateCache date;
  out.append("previous");
  write_response(out, date, ResponseHead{}, "1");
  write_response(out, date, ResponseHead{}, "2");
  std::string s(out.view());
  EXPECT_EQ(s.rfind("previousHTTP/1.1 200 OK\r\n", 0), 0u);
  EXPECT_EQ(s.find("\r\n\r\n1HTTP/1.1 200 OK\r\n") != std::string::npos, true);
  EXPECT_EQ(s.back(), '2');
}

TEST(WriteError, PrebuiltErrorResponses) {
  for (int status : {400, 404, 408, 413, 431, 500, 501, 503, 504, 505}) {
    OutBuffer out;
    DateCache date;
    write_error(out, date, status, true);
    std::string text(status_text(status));
    std::string body = "{\"error\":\"" + text + "\"}";
    std::string expected = "HTTP/1.1 " + std::to_string(status) + " " + text;
    expected += "\r\nDate: <now>\r\nContent-Type: application/json\r\nContent-Length: ";
    expected += std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    EXPECT_EQ(with_date_placeholder(out.view()), expected);
  }
}

TEST(WriteError, KeepOpen) {
  OutBuffer out;
  DateCache date;
  write_error(out, date, 404, false);
  EXPECT_EQ(with_date_placeholder(out.view()),
            "HTTP/1.1 404 Not Found\r\nDate: <now>\r\nContent-Type: application/json\r\n"
            "Content-Length: 21\r\n\r\n{\"error\":\"Not Found\"}");
}

TEST(DateCache, FormatsImfFixdate) {
  DateCache date;
  EXPECT_EQ(date.line(784111777), "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n");
  EXPECT_EQ(date.line(0), "Date: Thu, 01 Jan 1970 00:00:00 GMT\r\n");
  EXPECT_EQ(date.line(951782400), "Date: Tue, 29 Feb 2000 00:00:00 GMT\r\n");
  EXPECT_EQ(date.line(253402300799), "Date: Fri, 31 Dec 9999 23:59:59 GMT\r\n");
}

TEST(DateCache, ReformatsOnlyOnANewSecond) {
  DateCache date;
  EXPECT_EQ(date.refreshes(), 0u);
  std::string_view first = date.line(784111777);
  EXPECT_EQ(date.refreshes(), 1u);
  EXPECT_EQ(date.line(784111777).data(), first.data());
  EXPECT_EQ(date.line(784111777), "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n");
  EXPECT_EQ(date.refreshes(), 1u);
  EXPECT_EQ(date.line(784111778), "Date: Sun, 06 Nov 1994 08:49:38 GMT\r\n");
  EXPECT_EQ(date.refreshes(), 2u);
  EXPECT_EQ(date.line(784111778), "Date: Sun, 06 Nov 1994 08:49:38 GMT\r\n");
  EXPECT_EQ(date.refreshes(), 2u);
}

TEST(DateCache, WriteResponseUsesTheCurrentSecond) {
  OutBuffer out;
  DateCache date;
  date.line(784111777);
  std::time_t before = std::time(nullptr);
  write_response(out, date, ResponseHead{}, "");
  std::time_t after = std::time(nullptr);
  DateCache check;
  std::string_view response = out.view();
  bool matches = response.find(check.line(before)) != std::string_view::npos ||
                 response.find(check.line(after)) != std::string_view::npos;
  EXPECT_TRUE(matches) << response;
  EXPECT_EQ(date.refreshes(), 2u);
}

TEST(StatusText, CommonCodes) {
  EXPECT_EQ(status_text(100), "Continue");
  EXPECT_EQ(status_text(200), "OK");
  EXPECT_EQ(status_text(201), "Created");
  EXPECT_EQ(status_text(204), "No Content");
  EXPECT_EQ(status_text(301), "Moved Permanently");
  EXPECT_EQ(status_text(304), "Not Modified");
  EXPECT_EQ(status_text(400), "Bad Request");
  EXPECT_EQ(status_text(404), "Not Found");
  EXPECT_EQ(status_text(408), "Request Timeout");
  EXPECT_EQ(status_text(413), "Content Too Large");
  EXPECT_EQ(status_text(422), "Unprocessable Content");
  EXPECT_EQ(status_text(429), "Too Many Requests");
  EXPECT_EQ(status_text(431), "Request Header Fields Too Large");
  EXPECT_EQ(status_text(500), "Internal Server Error");
  EXPECT_EQ(status_text(503), "Service Unavailable");
  EXPECT_EQ(status_text(505), "HTTP Version Not Supported");
  EXPECT_EQ(status_text(299), "Unknown");
  EXPECT_EQ(status_text(-1), "Unknown");
}

TEST(Continue, ExactBytes) {
  EXPECT_EQ(kContinue, "HTTP/1.1 100 Continue\r\n\r\n");
}

TEST(OutBuffer, AppendConsumeClear) {
  OutBuffer out;
  EXPECT_TRUE(out.empty());
  out.append("hello ");
  out.append("world");
  EXPECT_EQ(out.view(), "hello world");
  EXPECT_EQ(out.size(), 11u);
  out.consume(6);
  EXPECT_EQ(out.view(), "world");
  std::size_t capacity = out.capacity();
  out.clear();
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(out.capacity(), capacity);
  out.append("again");
  EXPECT_EQ(out.view(), "again");
  out.consume(5);
  EXPECT_TRUE(out.empty());
}

TEST(OutBuffer, ReserveAndCommit) {
  OutBuffer out(4);
  out.append("ab");
  char* p = out.reserve(10);
  std::string_view("cdefg").copy(p, 5);
  out.commit(5);
  EXPECT_EQ(out.view(), "abcdefg");
  EXPECT_GE(out.capacity(), 12u);
}

TEST(OutBuffer, GrowsAndReclaimsTheSentFront) {
  OutBuffer out(16);
  std::string expected;
  for (int i = 0; i < 1000; ++i) {
    std::string piece = std::to_string(i) + ";";
    out.append(piece);
    expected += piece;
    if (i % 3 == 0) {
      out.consume(piece.size() / 2 + 1);
      expected.erase(0, piece.size() / 2 + 1);
    }
    ASSERT_EQ(out.view(), expected) << i;
  }
  // Sending everything and refilling stays within the capacity reached.
  std::size_t capacity = out.capacity();
  for (int i = 0; i < 1000; ++i) {
    out.consume(out.size());
    out.append(expected.substr(0, capacity / 2));
  }
  EXPECT_EQ(out.capacity(), capacity);
}

TEST(FieldValidation, NamesAndValues) {
  EXPECT_TRUE(valid_field_name("X-Custom_1"));
  EXPECT_FALSE(valid_field_name(""));
  EXPECT_FALSE(valid_field_name("Bad Name"));
  EXPECT_FALSE(valid_field_name("Bad:Name"));
  EXPECT_TRUE(valid_field_value(""));
  EXPECT_TRUE(valid_field_value("a b\tc \xff"));
  EXPECT_FALSE(valid_field_value("a\r\nInjected: 1"));
  EXPECT_FALSE(valid_field_value(std::string_view("a\0b", 3)));
  EXPECT_FALSE(valid_field_value(" leading"));
  EXPECT_FALSE(valid_field_value("trailing\t"));
}

}  // namespace
}  // namespace kite::http
