// Response writing: OutBuffer, DateCache and the response builders.
#include "kite/http/writer.h"

#include <algorithm>
#include <chrono>
#include <cstring>

#include "chars.h"
#include "status.h"

namespace kite::http {

using detail::equals_ignore_case;

// ---- OutBuffer ----

OutBuffer::OutBuffer(std::size_t initial_capacity)
    : data_(std::make_unique_for_overwrite<char[]>(initial_capacity)),
      capacity_(initial_capacity) {}

char* OutBuffer::reserve(std::size_t n) {
  if (capacity_ - end_ >= n) return data_.get() + end_;
  std::size_t live = end_ - begin_;
  if (capacity_ - live >= n && begin_ >= live) {
    // Enough room once the sent front is reclaimed, and the copy is no
    // bigger than what it reclaims.
    std::memcpy(data_.get(), data_.get() + begin_, live);
  } else {
    std::size_t capacity = std::max({capacity_ * 2, live + n, std::size_t{256}});
    auto data = std::make_unique_for_overwrite<char[]>(capacity);
    if (live > 0) std::memcpy(data.get(), data_.get() + begin_, live);
    data_ = std::move(data);
    capacity_ = capacity;
  }
  begin_ = 0;
  end_ = live;
  return data_.get() + end_;
}

void OutBuffer::commit(std::size_t n) {
  end_ += n;
}

void OutBuffer::append(std::string_view bytes) {
  if (bytes.empty()) return;
  std::memcpy(reserve(bytes.size()), bytes.data(), bytes.size());
  end_ += bytes.size();
}

void OutBuffer::consume(std::size_t n) {
  begin_ += n;
  if (begin_ == end_) begin_ = end_ = 0;
}

// ---- DateCache ----

namespace {

char* put(char* p, std::string_view s) {
  if (!s.empty()) std::memcpy(p, s.data(), s.size());  // an empty view may hold nullptr
  return p + s.size();
}

void put_2digits(char* p, unsigned v) {
  p[0] = static_cast<char>('0' + v / 10);
  p[1] = static_cast<char>('0' + v % 10);
}

}  // namespace

std::string_view DateCache::line(std::time_t now) {
  if (!valid_ || now != second_) {
    // RFC 9110 §5.6.7: IMF-fixdate = day-name "," SP date1 SP time-of-day SP GMT,
    // e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
    static constexpr std::string_view kDays = "SunMonTueWedThuFriSat";
    static constexpr std::string_view kMonths = "JanFebMarAprMayJunJulAugSepOctNovDec";
    using namespace std::chrono;
    sys_seconds time{seconds{now}};
    sys_days day = floor<days>(time);
    year_month_day date{day};
    hh_mm_ss<seconds> clock{time - day};
    std::size_t weekday_index = weekday{day}.c_encoding();
    std::size_t month_index = static_cast<unsigned>(date.month()) - 1;
    unsigned year = static_cast<unsigned>(static_cast<int>(date.year())) % 10000;

    char* p = line_;
    put(p, "Date: ");
    put(p + 6, kDays.substr(3 * weekday_index, 3));
    put(p + 9, ", ");
    put_2digits(p + 11, static_cast<unsigned>(date.day()));
    p[13] = ' ';
    put(p + 14, kMonths.substr(3 * month_index, 3));
    p[17] = ' ';
    put_2digits(p + 18, year / 100);
    put_2digits(p + 20, year % 100);
    p[22] = ' ';
    put_2digits(p + 23, static_cast<unsigned>(clock.hours().count()));
    p[25] = ':';
    put_2digits(p + 26, static_cast<unsigned>(clock.minutes().count()));
    p[28] = ':';
    put_2digits(p + 29, static_cast<unsigned>(clock.seconds().count()));
    put(p + 31, " GMT\r\n");

    second_ = now;
    valid_ = true;
    ++refreshes_;
  }
  return {line_, kLineSize};
}

// ---- responses ----

namespace {

constexpr std::string_view kContentType = "Content-Type: ";
constexpr std::string_view kContentLength = "Content-Length: ";
constexpr std::string_view kConnectionClose = "Connection: close\r\n";
constexpr std::string_view kConnectionKeepAlive = "Connection: keep-alive\r\n";
constexpr std::string_view kCrlf = "\r\n";

std::size_t decimal_digits(std::uint64_t n) {
  std::size_t digits = 1;
  while (n >= 10) {
    n /= 10;
    ++digits;
  }
  return digits;
}

// Writes n in `digits` decimal digits ending at p + digits.
void put_decimal(char* p, std::uint64_t n, std::size_t digits) {
  for (std::size_t i = digits; i > 0; --i) {
    p[i - 1] = static_cast<char>('0' + n % 10);
    n /= 10;
  }
}

// The fields the writer owns (framing), dropped from a handler's fields.
bool is_framing_field(std::string_view name) {
  switch (name.size()) {
    case 10:
      return equals_ignore_case(name, "connection");
    case 14:
      return equals_ignore_case(name, "content-length");
    case 17:
      return equals_ignore_case(name, "transfer-encoding");
    default:
      return false;
  }
}

}  // namespace

void write_response(OutBuffer& out, DateCache& date, const ResponseHead& head,
                    std::string_view body) {
  int status = head.status >= 100 && head.status <= 599 ? head.status : 500;
  std::string_view status_line = detail::status_line(status);
  // "HTTP/1.1 299 Unknown\r\n" for a code without a pre-built line.
  std::size_t status_size = status_line.empty() ? 9 + 3 + 1 + 7 + 2 : status_line.size();

  // RFC 9110 §8.6 / RFC 9112 §6.3 item 1: no content after 1xx, 204 and 304,
  // and no Content-Length on 1xx and 204.
  bool no_content = status < 200 || status == 204 || status == 304;
  bool send_length = !no_content;
  bool send_body = !no_content && !head.head_request;
  std::size_t length_digits = decimal_digits(body.size());

  std::string_view connection;
  if (!head.keep_alive) {
    connection = kConnectionClose;
  } else if (head.version_minor == 0) {
    connection = kConnectionKeepAlive;
  }

  std::string_view date_line = date.line(std::time(nullptr));
  std::size_t size = status_size + date_line.size() + connection.size() + kCrlf.size();
  if (!head.content_type.empty()) {
    size += kContentType.size() + head.content_type.size() + kCrlf.size();
  }
  if (send_length) size += kContentLength.size() + length_digits + kCrlf.size();
  for (std::size_t i = 0; i < head.header_count; ++i) {
    const Header& h = head.headers[i];
    if (!is_framing_field(h.name)) size += h.name.size() + 2 + h.value.size() + kCrlf.size();
  }
  if (send_body) size += body.size();

  char* start = out.reserve(size);
  char* p = start;
  if (status_line.empty()) {
    p = put(p, "HTTP/1.1 ");
    put_decimal(p, static_cast<std::uint64_t>(status), 3);
    p = put(p + 3, " Unknown\r\n");
  } else {
    p = put(p, status_line);
  }
  p = put(p, date_line);
  if (!head.content_type.empty()) {
    p = put(p, kContentType);
    p = put(p, head.content_type);
    p = put(p, kCrlf);
  }
  if (send_length) {
    p = put(p, kContentLength);
    put_decimal(p, body.size(), length_digits);
    p = put(p + length_digits, kCrlf);
  }
  p = put(p, connection);
  for (std::size_t i = 0; i < head.header_count; ++i) {
    const Header& h = head.headers[i];
    if (is_framing_field(h.name)) continue;
    p = put(p, h.name);
    p = put(p, ": ");
    p = put(p, h.value);
    p = put(p, kCrlf);
  }
  p = put(p, kCrlf);
  if (send_body) p = put(p, body);
  out.commit(static_cast<std::size_t>(p - start));
}

void write_error(OutBuffer& out, DateCache& date, int status, bool close, int version_minor) {
  ResponseHead head;
  head.status = status;
  head.content_type = "application/json";
  head.keep_alive = !close;
  head.version_minor = version_minor;
  write_response(out, date, head, detail::error_body(status));
}

std::string_view overload_response() {
  static constexpr std::string_view kBody = R"({"error":"Service Unavailable"})";
  static constexpr std::string_view kResponse =
      "HTTP/1.1 503 Service Unavailable\r\n"
      "Content-Type: application/json\r\n"
      "Content-Length: 31\r\n"
      "Retry-After: 1\r\n"
      "Connection: close\r\n"
      "\r\n"
      R"({"error":"Service Unavailable"})";
  static_assert(kBody.size() == 31 && kResponse.ends_with(kBody));
  return kResponse;
}

bool valid_field_name(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!detail::is(c, detail::kTchar)) return false;
  }
  return true;
}

bool valid_field_value(std::string_view value) {
  if (!value.empty() && (value.front() == ' ' || value.front() == '\t' || value.back() == ' ' ||
                         value.back() == '\t')) {
    return false;
  }
  for (char c : value) {
    if (!detail::is(c, detail::kFieldChar)) return false;
  }
  return true;
}

}  // namespace kite::http
