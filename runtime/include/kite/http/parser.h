// kite::http::RequestParser — an incremental, allocation-free HTTP/1.1
// request parser, strict per RFC 9112.
//
// Ownership: the caller owns the receive buffer. A parsed Request holds
// string_views into that buffer (except `path` for an absolute-form target
// with an empty path, which views a static "/"); they stay valid while the
// caller keeps the request's bytes unchanged. The parser never allocates.
//
// Thread-safety: none; one parser per connection.
//
// Framing is never guessed: an ambiguous or malformed request is an error
// whose status the caller answers with before closing the connection.
//
// Decisions where the RFCs leave a choice (RFC 9112 unless noted):
// - Line endings (§2.2): CRLF only. A bare LF anywhere in the head, a chunk
//   line or the trailers is a 400, detected as soon as it arrives. Empty
//   lines (CRLF) before the request-line are skipped and count as part of
//   the request (its `consumed` bytes and its header-byte limit).
// - Versions (§2.3, RFC 9110 §2.5): "HTTP/1.0" and "HTTP/1.1" are accepted;
//   HTTP/1.x with x > 1 is treated as HTTP/1.1 (version_minor = 1); any
//   other well-formed "HTTP/d.d" is a 505; anything else is a 400.
// - Methods: any token is accepted (case-sensitive); the handler decides.
// - request-target (§3.2): origin-form; absolute-form with an "http" or
//   "https" scheme (case-insensitive) and a non-empty authority;
//   asterisk-form only for OPTIONS; authority-form ("host:port") for and
//   only for CONNECT. Octets must be VCHAR or obs-text (no CTL, no SP).
// - Transfer-Encoding (§6.1, §6.3): chunked must be the final coding and
//   appear once (else 400); any other coding before it is a 501; with
//   Content-Length (§6.3 item 3) or in an HTTP/1.0 request (§6.1) it is a
//   400.
// - Content-Length (RFC 9110 §8.6): a list or repetition of one identical
//   value is accepted; empty elements, non-digits, overflow or differing
//   values are a 400; a value above max_body_bytes is a 413 as soon as the
//   head has been parsed.
// - Chunked bodies (§7.1): chunk extensions are validated and skipped,
//   trailers are validated and ignored (they are not in `headers`). The
//   decoded body above max_body_bytes is a 413 (a chunk-size that would
//   cross it is rejected before its data arrives); chunk framing (size
//   lines, extensions, CRLFs) above max_header_bytes + max_body_bytes is a
//   413; a trailer section above max_header_bytes is a 431. So the bytes one
//   request occupies in the caller's buffer are at most
//   3 * max_header_bytes + 2 * max_body_bytes.
// - Expect (RFC 9110 §10.1.1): only "100-continue" in an HTTP/1.1 request
//   sets expect_continue; other expectations are ignored.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kite::http {

// One header field line; name as received, value without leading and
// trailing OWS.
struct Header {
  std::string_view name;
  std::string_view value;
};

// More header fields than this is a 431.
inline constexpr std::size_t kMaxHeaders = 64;

struct Limits {
  // The whole head (leading empty lines, request-line, fields and the final
  // CRLF); more is a 431. Also bounds a chunked body's trailer section.
  std::size_t max_header_bytes = std::size_t{16} * 1024;
  // The decoded body; more is a 413.
  std::size_t max_body_bytes = std::size_t{1024} * 1024;
};

struct Request {
  std::string_view method;  // token as received, e.g. "GET"
  std::string_view target;  // raw request-target
  // Path part without the query: origin-form "/p"; absolute-form
  // "http://h/p?q" -> "/p" ("/" when the URI has no path); "*" for
  // OPTIONS *; empty for CONNECT's authority-form.
  std::string_view path;
  std::string_view query;  // after '?', without it; empty if none
  // The effective host: the authority of an absolute-form or authority-form
  // target (RFC 9112 §3.2.2: it overrides Host), else the Host field value.
  std::string_view host;
  int version_minor = 1;  // HTTP/1.0 -> 0, HTTP/1.1 -> 1
  Header headers[kMaxHeaders];
  std::size_t header_count = 0;
  std::string_view body;  // complete body, de-chunked; empty if none
  bool has_body = false;  // Content-Length or chunked present
  bool chunked = false;   // the body was sent with the chunked coding
  // HTTP/1.1: unless "Connection: close"; HTTP/1.0: only with
  // "Connection: keep-alive" (token list, case-insensitive; close wins).
  bool keep_alive = true;
  bool expect_continue = false;  // "Expect: 100-continue" (HTTP/1.1 only)
  bool is_head = false;          // method is HEAD

  // The value of the first field named `name` (compared case-insensitively);
  // empty if there is none.
  std::string_view header(std::string_view lower_name) const;
};

enum class ParseResult { kIncomplete, kComplete, kError };

class RequestParser {
 public:
  explicit RequestParser(Limits limits = {});

  // `data`/`len`: every unconsumed byte received on the connection so far,
  // starting at the first byte of this request. After kIncomplete the
  // caller keeps those bytes (it may move them to a bigger buffer) and
  // calls again with more appended. The parser keeps offsets, not pointers,
  // between calls and does not scan checked bytes again (the complete head
  // is parsed once more only if `out` or the buffer changed). It rewrites
  // the bytes of a chunked body in place to make `body` contiguous.
  //
  // kComplete: *out is filled (views into data) and *consumed is the size of
  //   this whole request; bytes after it belong to the next (pipelined)
  //   request. Call reset() before parsing the next one.
  // kIncomplete: more bytes are needed. Once the head has been parsed and
  //   checked, head_complete() is true and *out holds the head (body empty),
  //   so the caller can answer out->expect_continue with kContinue.
  // kError: error_status() is 400, 413, 431, 501 or 505 and error_reason()
  //   says why; answer and close the connection. Later calls return kError
  //   until reset().
  //
  // `out` may be a different object on each call; it is refilled as needed.
  ParseResult parse(char* data, std::size_t len, Request* out, std::size_t* consumed);

  // Forgets the current request; the limits are kept.
  void reset();

  bool head_complete() const { return state_ != State::kHead && state_ != State::kError; }
  int error_status() const { return error_status_; }
  // Short human text for logs, e.g. "invalid Content-Length".
  std::string_view error_reason() const { return error_reason_; }

 private:
  enum class State : std::uint8_t {
    kHead,          // looking for the end of the head
    kBodyLength,    // waiting for content_length_ body bytes
    kChunkSize,     // at a chunk-size line
    kChunkData,     // inside chunk data, chunk_remaining_ bytes to go
    kChunkDataEnd,  // at the CRLF after chunk data
    kTrailers,      // at a trailer field line or the final CRLF
    kDone,
    kError,
  };

  ParseResult find_head_end(const char* data, std::size_t len);
  bool parse_head(const char* data, Request* out);
  ParseResult parse_chunked(char* data, std::size_t len);
  ParseResult fail(int status, const char* reason);  // enters kError
  bool reject(int status, const char* reason);       // fail(), for parse_head

  Limits limits_;
  State state_ = State::kHead;
  int error_status_ = 0;
  std::string_view error_reason_;

  // kHead: the scan for the end of the head.
  std::size_t scan_pos_ = 0;    // bytes before this have been scanned
  std::size_t line_start_ = 0;  // start of the line being scanned
  std::size_t head_start_ = 0;  // after the leading empty lines
  std::size_t head_end_ = 0;    // after the head's final CRLF

  // Which (out, data) pair currently holds the parsed head.
  const Request* parsed_out_ = nullptr;
  const char* parsed_data_ = nullptr;

  // Body framing, from the head.
  bool chunked_ = false;
  std::uint64_t content_length_ = 0;

  // The body is [body_start_, write_pos_); raw bytes before read_pos_ have
  // been framed. For a chunked body, decoding moves chunk data down to
  // write_pos_; body_start_ follows the size lines until the first data, so
  // a body sent as a single chunk is never moved.
  std::size_t body_start_ = 0;
  std::size_t read_pos_ = 0;
  std::size_t write_pos_ = 0;
  std::size_t line_scan_ = 0;  // the current chunk/trailer line was scanned up to here
  std::size_t trailer_start_ = 0;
  std::uint64_t chunk_remaining_ = 0;
};

}  // namespace kite::http
