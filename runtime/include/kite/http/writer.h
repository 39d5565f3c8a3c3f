// kite::http response writing: the connection's output buffer, status texts,
// the per-worker Date line cache, and the functions that append a complete
// HTTP/1.1 response (RFC 9112 §4 status-line, §5 fields, §6 body).
//
// Thread-safety: none; each worker owns its DateCache and each connection
// its OutBuffer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ctime>
#include <memory>
#include <string_view>

#include "kite/http/parser.h"

namespace kite::http {

// A growable byte buffer a connection writes its responses into and sends
// from. Bytes are appended at the end and dropped from the front as they are
// sent. clear() and consume() keep the capacity.
//
// Pointer stability: reserve() and append() may move the bytes (to grow or
// to reclaim the consumed front), so a pointer from view() is valid only
// until the next reserve()/append(). Do not append while a send that points
// into view() is in flight; consume() and clear() never move bytes.
class OutBuffer {
 public:
  OutBuffer() = default;
  explicit OutBuffer(std::size_t initial_capacity);

  void append(std::string_view bytes);
  // Returns room for at least n more bytes after the current ones; commit()
  // then makes the first n' <= n of them part of the buffer.
  char* reserve(std::size_t n);
  void commit(std::size_t n);

  std::string_view view() const { return {data_.get() + begin_, end_ - begin_}; }
  std::size_t size() const { return end_ - begin_; }
  bool empty() const { return end_ == begin_; }
  std::size_t capacity() const { return capacity_; }
  void clear() { begin_ = end_ = 0; }
  // Drops the first n bytes (they have been sent); n <= size().
  void consume(std::size_t n);

 private:
  std::unique_ptr<char[]> data_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  std::size_t capacity_ = 0;
};

// The reason phrase of an RFC 9110 §15 status code (plus 103, 429, 431, 451
// and 511 from their RFCs), from a static table; "Unknown" for others.
std::string_view status_text(int status);

// Per-worker cache of the "Date: <IMF-fixdate>\r\n" line (RFC 9110 §5.6.7,
// §6.6.1). line() formats only when `now` is a different second from the last
// call; the returned view stays valid until the next call with another second.
class DateCache {
 public:
  std::string_view line(std::time_t now);
  // How many times the line has been formatted (for tests and counters).
  std::uint64_t refreshes() const { return refreshes_; }

  // "Date: " + 29-octet IMF-fixdate + CRLF.
  static constexpr std::size_t kLineSize = 37;

 private:
  std::time_t second_ = 0;
  bool valid_ = false;
  std::uint64_t refreshes_ = 0;
  char line_[kLineSize] = {};
};

struct ResponseHead {
  // 100..599; anything else is written as 500.
  int status = 200;
  std::string_view content_type;  // empty -> no Content-Type field
  // Extra fields from the handler, written in order. The writer owns the
  // framing, so fields named Content-Length, Transfer-Encoding or Connection
  // are skipped. Names and values must be valid (valid_field_name/value):
  // the binding rejects others before they reach the writer.
  const Header* headers = nullptr;
  std::size_t header_count = 0;
  bool keep_alive = true;     // false -> "Connection: close"
  bool head_request = false;  // HEAD: Content-Length of the body, no body bytes
  // The request's HTTP/1.x minor version. An HTTP/1.0 client that asked to
  // keep the connection gets "Connection: keep-alive" (RFC 9112 §9.3).
  int version_minor = 1;
};

// Appends a complete response: the status line (pre-built for every status
// in the table), the Date line from `date` for the current second (read
// with std::time, a vDSO call on Linux), Content-Type, Content-Length, the
// Connection field when needed, the extra fields, the blank line and the
// body. 1xx, 204 and 304 responses get neither a body nor Content-Length
// (RFC 9110 §8.6, RFC 9112 §6.3 item 1); HEAD responses get Content-Length
// but no body. One reserve() for the whole response, no other allocation.
void write_response(OutBuffer& out, DateCache& date, const ResponseHead& head,
                    std::string_view body);

// Appends a complete error response for `status` (e.g. 400, 404, 408, 413,
// 431, 500, 501, 503, 504, 505): Date, a static JSON body such as
// {"error":"Bad Request"} and "Connection: close" when `close`.
void write_error(OutBuffer& out, DateCache& date, int status, bool close, int version_minor = 1);

// The complete 503 a server over its connection limit answers a new
// connection with before closing it: `Retry-After: 1`, `Connection: close`
// and a JSON body, built at compile time (no Date: RFC 9110 §6.6.1 lets a
// 5xx omit it), so shedding load costs one send.
std::string_view overload_response();

// The interim response sent when a request has expect_continue and its head
// has passed the parser's checks (RFC 9110 §10.1.1, §15.2.1).
inline constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

// RFC 9110 §5.1 field-name = token; §5.5 field-value octets (VCHAR, obs-text,
// SP, HTAB; no leading or trailing whitespace). For the binding to check
// handler-supplied fields.
bool valid_field_name(std::string_view name);
bool valid_field_value(std::string_view value);

}  // namespace kite::http
