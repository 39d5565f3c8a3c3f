// The incremental response parser (response_parser.h). Section numbers are
// RFC 9112's.
#include "response_parser.h"

#include <algorithm>
#include <cstring>

namespace kite::load {

namespace {

// A chunk-size line (size plus extensions) longer than this is an error.
constexpr std::size_t kMaxChunkLineBytes = 4096;

bool is_ows(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trim_ows(std::string_view text) {
  while (!text.empty() && is_ows(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_ows(text.back())) text.remove_suffix(1);
  return text;
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// `text` equals the lower-case `word`, ignoring ASCII case.
bool iequals(std::string_view text, std::string_view word) {
  if (text.size() != word.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (lower(text[i]) != word[i]) return false;
  }
  return true;
}

// Calls `visit` with each element of a comma-separated list (§5.6.1 of RFC
// 9110), trimmed of OWS; empty elements are skipped.
template <typename Visit>
void for_each_element(std::string_view list, Visit visit) {
  while (!list.empty()) {
    const auto comma = list.find(',');
    const std::string_view element = trim_ows(list.substr(0, comma));
    if (!element.empty()) visit(element);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
}

// A Content-Length value: 1*DIGIT (§6.2), at most 18 digits.
bool parse_decimal(std::string_view text, std::uint64_t& value) {
  if (text.empty() || text.size() > 18) return false;
  value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return true;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

ResponseParser::ResponseParser(bool head_requests) : head_requests_(head_requests) {}

void ResponseParser::reset() {
  start_response();
  line_.clear();
  error_.clear();
  response_ = {};
}

void ResponseParser::start_response() {
  state_ = State::kStatusLine;
  header_bytes_ = 0;
  minor_version_ = 1;
  connection_close_ = false;
  connection_keep_alive_ = false;
  has_content_length_ = false;
  content_length_ = 0;
  has_transfer_encoding_ = false;
  chunked_ = false;
  remaining_ = 0;
}

ResponseParser::Result ResponseParser::fail(std::string message) {
  error_ = std::move(message);
  return Result::kError;
}

bool ResponseParser::take_line(std::string_view data, std::size_t& pos, std::string_view& line) {
  const char* start = data.data() + pos;
  const std::size_t available = data.size() - pos;
  const auto* newline = static_cast<const char*>(std::memchr(start, '\n', available));
  if (!newline) {
    line_.append(start, available);
    pos = data.size();
    return false;
  }
  const auto length = static_cast<std::size_t>(newline - start);
  if (line_.empty()) {
    line = std::string_view(start, length);
  } else {
    line_.append(start, length);
    line = line_;
  }
  pos += length + 1;
  // §2.2: a recipient may accept a bare LF as the line terminator.
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return true;
}

ResponseParser::Result ResponseParser::parse(std::string_view data, std::size_t& consumed) {
  std::size_t pos = 0;
  while (pos < data.size()) {
    switch (state_) {
      case State::kBody: {
        const std::size_t n = std::min<std::uint64_t>(remaining_, data.size() - pos);
        pos += n;
        remaining_ -= n;
        response_.body_bytes += n;
        if (remaining_ == 0) {
          consumed = pos;
          start_response();
          return Result::kComplete;
        }
        break;
      }
      case State::kChunkData: {
        const std::size_t n = std::min<std::uint64_t>(remaining_, data.size() - pos);
        pos += n;
        remaining_ -= n;
        response_.body_bytes += n;
        if (remaining_ == 0) state_ = State::kChunkDataEnd;
        break;
      }
      case State::kUntilClose:
        response_.body_bytes += data.size() - pos;
        pos = data.size();
        break;
      default: {
        std::string_view line;
        if (!take_line(data, pos, line)) {
          const std::size_t limit =
              state_ == State::kChunkSize ? kMaxChunkLineBytes : kMaxHeaderBytes;
          if (line_.size() > limit) {
            consumed = pos;
            return fail("a line of the response is longer than " + std::to_string(limit) +
                        " bytes");
          }
          break;
        }
        Result result = Result::kNeedMore;
        switch (state_) {
          case State::kStatusLine:
            // Tolerate stray empty lines between responses.
            if (!line.empty()) result = on_status_line(line);
            break;
          case State::kHeaderLine:
            result = on_header_line(line);
            break;
          case State::kChunkSize:
            result = on_chunk_size_line(line);
            break;
          case State::kChunkDataEnd:
            if (!line.empty()) result = fail("chunk data is not followed by CRLF (§7.1)");
            state_ = State::kChunkSize;
            break;
          case State::kTrailerLine:
            header_bytes_ += line.size() + 2;
            if (header_bytes_ > kMaxHeaderBytes) {
              result = fail("the trailer section is larger than " +
                            std::to_string(kMaxHeaderBytes) + " bytes");
            } else if (line.empty()) {
              start_response();
              result = Result::kComplete;
            }
            break;
          default:
            break;
        }
        line_.clear();
        if (result != Result::kNeedMore) {
          consumed = pos;
          return result;
        }
        break;
      }
    }
  }
  consumed = pos;
  return Result::kNeedMore;
}

ResponseParser::Result ResponseParser::on_close() {
  if (state_ == State::kUntilClose) {
    response_.keep_alive = false;
    start_response();
    return Result::kComplete;
  }
  if (state_ == State::kStatusLine && line_.find_first_not_of("\r\n") == std::string::npos) {
    line_.clear();
    return Result::kNeedMore;
  }
  return fail("the server closed the connection in the middle of a response");
}

// §4: status-line = HTTP-version SP status-code SP [ reason-phrase ]
ResponseParser::Result ResponseParser::on_status_line(std::string_view line) {
  response_ = {};
  header_bytes_ = line.size() + 2;
  if (line.size() < 12 || !line.starts_with("HTTP/1.") || line[7] < '0' || line[7] > '9' ||
      line[8] != ' ') {
    return fail("not an HTTP/1.x status line: '" + std::string(line.substr(0, 40)) + "'");
  }
  minor_version_ = line[7] - '0';
  int status = 0;
  for (std::size_t i = 9; i < 12; ++i) {
    if (line[i] < '0' || line[i] > '9') {
      return fail("bad status code in '" + std::string(line.substr(0, 40)) + "'");
    }
    status = status * 10 + (line[i] - '0');
  }
  if (status < 100 || status > 599 || (line.size() > 12 && line[12] != ' ')) {
    return fail("bad status code in '" + std::string(line.substr(0, 40)) + "'");
  }
  response_.status = status;
  state_ = State::kHeaderLine;
  return Result::kNeedMore;
}

// §5: field-line = field-name ":" OWS field-value OWS
ResponseParser::Result ResponseParser::on_header_line(std::string_view line) {
  if (line.empty()) return on_headers_end();
  header_bytes_ += line.size() + 2;
  if (header_bytes_ > kMaxHeaderBytes) {
    return fail("the response header section is larger than " + std::to_string(kMaxHeaderBytes) +
                " bytes");
  }
  if (is_ows(line.front())) return fail("obsolete line folding in a header field (§5.2)");
  const auto colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) {
    return fail("a header line without a field name and colon: '" +
                std::string(line.substr(0, 40)) + "'");
  }
  const std::string_view name = line.substr(0, colon);
  if (is_ows(name.back())) return fail("whitespace before the colon of a header field (§5.1)");
  const std::string_view value = trim_ows(line.substr(colon + 1));

  if (iequals(name, "content-length")) {
    bool valid = true;
    for_each_element(value, [&](std::string_view element) {
      std::uint64_t length = 0;
      if (!parse_decimal(element, length) || (has_content_length_ && length != content_length_)) {
        valid = false;
      }
      has_content_length_ = true;
      content_length_ = length;
    });
    if (!valid || !has_content_length_) {
      return fail("invalid or conflicting Content-Length '" + std::string(value) + "' (§6.3)");
    }
  } else if (iequals(name, "transfer-encoding")) {
    has_transfer_encoding_ = true;
    chunked_ = false;
    for_each_element(value,
                     [&](std::string_view coding) { chunked_ = iequals(coding, "chunked"); });
  } else if (iequals(name, "connection")) {
    for_each_element(value, [&](std::string_view option) {
      if (iequals(option, "close")) connection_close_ = true;
      if (iequals(option, "keep-alive")) connection_keep_alive_ = true;
    });
  }
  return Result::kNeedMore;
}

// §6.3: how the length of the body is determined.
ResponseParser::Result ResponseParser::on_headers_end() {
  const int status = response_.status;
  if (status >= 100 && status < 200) {
    if (status == 101) return fail("101 Switching Protocols is not supported");
    start_response();  // an interim response; the final one follows
    return Result::kNeedMore;
  }
  response_.keep_alive = !connection_close_ && (minor_version_ >= 1 || connection_keep_alive_);
  if (head_requests_ || status == 204 || status == 304) {
    start_response();
    return Result::kComplete;
  }
  if (has_transfer_encoding_ && has_content_length_) {
    return fail("both Transfer-Encoding and Content-Length in one response (§6.3 item 3)");
  }
  if (has_transfer_encoding_) {
    if (chunked_) {
      state_ = State::kChunkSize;
    } else {
      response_.keep_alive = false;
      state_ = State::kUntilClose;
    }
    return Result::kNeedMore;
  }
  if (has_content_length_) {
    if (content_length_ == 0) {
      start_response();
      return Result::kComplete;
    }
    remaining_ = content_length_;
    state_ = State::kBody;
    return Result::kNeedMore;
  }
  response_.keep_alive = false;
  state_ = State::kUntilClose;
  return Result::kNeedMore;
}

// §7.1: chunk-size [ chunk-ext ] CRLF, chunk-size = 1*HEXDIG
ResponseParser::Result ResponseParser::on_chunk_size_line(std::string_view line) {
  std::uint64_t size = 0;
  std::size_t digits = 0;
  while (digits < line.size() && hex_digit(line[digits]) >= 0) {
    size = size * 16 + static_cast<std::uint64_t>(hex_digit(line[digits]));
    if (++digits > 15) return fail("chunk size too large");
  }
  const std::string_view rest = trim_ows(line.substr(digits));
  if (digits == 0 || (!rest.empty() && rest.front() != ';')) {
    return fail("bad chunk size line '" + std::string(line.substr(0, 40)) + "' (§7.1)");
  }
  if (size == 0) {
    state_ = State::kTrailerLine;
  } else {
    remaining_ = size;
    state_ = State::kChunkData;
  }
  return Result::kNeedMore;
}

}  // namespace kite::load
