// An incremental HTTP/1.1 response parser (RFC 9112) for the load
// generator: bytes go in as they arrive from the socket, in pieces of any
// size, and complete responses come out one at a time, so pipelined
// responses in one read are separated and a response split across reads is
// reassembled. Only the status line and the framing headers are kept; the
// body is counted, not stored.
//
// One parser per connection; not thread-safe. Lines are copied only when
// they straddle two reads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kite::load {

struct Response {
  int status = 0;
  // Whether the connection stays open after this response (RFC 9112 §9.3):
  // HTTP/1.1 unless `Connection: close`; HTTP/1.0 only with
  // `Connection: keep-alive`; never after a body delimited by the close.
  bool keep_alive = true;
  std::uint64_t body_bytes = 0;

  bool operator==(const Response&) const = default;
};

class ResponseParser {
 public:
  enum class Result { kNeedMore, kComplete, kError };

  // Status line plus header fields (or trailer fields) larger than this are
  // an error.
  static constexpr std::size_t kMaxHeaderBytes = std::size_t{64} * 1024;

  // `head_requests`: every request on the connection is HEAD, so no
  // response has a body whatever its Content-Length says (RFC 9112 §6.3).
  explicit ResponseParser(bool head_requests = false);

  // Consumes bytes from the front of `data` and sets `consumed` to how
  // many. kComplete: one response ended after `consumed` bytes (response()
  // holds it; the rest of `data` belongs to the next one, so call again).
  // kNeedMore: all of `data` was consumed and the response is not complete.
  // kError: the bytes are not a valid response; error() says why, and the
  // connection must be closed.
  Result parse(std::string_view data, std::size_t& consumed);

  // The peer closed the connection. kComplete when that ends a body
  // delimited by the close (RFC 9112 §6.3 item 8); kNeedMore when no byte
  // of a response had arrived (a clean close); kError in mid-response.
  Result on_close();

  const Response& response() const { return response_; }
  std::string_view error() const { return error_; }
  // Forgets any partial response (for a new connection).
  void reset();

 private:
  enum class State {
    kStatusLine,
    kHeaderLine,
    kBody,          // Content-Length bytes remain
    kChunkSize,     // chunk-size [; ext] CRLF
    kChunkData,     // chunk bytes remain
    kChunkDataEnd,  // the CRLF after chunk data
    kTrailerLine,
    kUntilClose,  // the body runs until the connection closes
  };

  // The next complete line of `data` from `pos` (without CR LF), possibly
  // joined with a partial line kept from an earlier call. False when the
  // line is not complete yet (its start is kept).
  bool take_line(std::string_view data, std::size_t& pos, std::string_view& line);
  Result on_status_line(std::string_view line);
  Result on_header_line(std::string_view line);
  Result on_headers_end();
  Result on_chunk_size_line(std::string_view line);
  Result fail(std::string message);
  void start_response();

  bool head_requests_;
  State state_ = State::kStatusLine;
  Response response_;
  std::string line_;  // a line that straddles reads
  std::size_t header_bytes_ = 0;
  int minor_version_ = 1;
  bool connection_close_ = false;
  bool connection_keep_alive_ = false;
  bool has_content_length_ = false;
  std::uint64_t content_length_ = 0;
  bool has_transfer_encoding_ = false;
  bool chunked_ = false;
  std::uint64_t remaining_ = 0;
  std::string error_;
};

}  // namespace kite::load
