// The status table: every RFC 9110 §15 code, plus 103 (RFC 8297), 429, 431,
// 511 (RFC 6585) and 451 (RFC 7725). Each entry expands to its reason phrase,
// its status line and its error body, all string literals.
#include "status.h"

#include "kite/http/writer.h"

namespace kite::http {

// clang-format off
#define KITE_STATUS_LIST(X) \
  X(100, "Continue") \
  X(101, "Switching Protocols") \
  X(103, "Early Hints") \
  X(200, "OK") \
  X(201, "Created") \
  X(202, "Accepted") \
  X(203, "Non-Authoritative Information") \
  X(204, "No Content") \
  X(205, "Reset Content") \
  X(206, "Partial Content") \
  X(300, "Multiple Choices") \
  X(301, "Moved Permanently") \
  X(302, "Found") \
  X(303, "See Other") \
  X(304, "Not Modified") \
  X(305, "Use Proxy") \
  X(306, "Unused") \
  X(307, "Temporary Redirect") \
  X(308, "Permanent Redirect") \
  X(400, "Bad Request") \
  X(401, "Unauthorized") \
  X(402, "Payment Required") \
  X(403, "Forbidden") \
  X(404, "Not Found") \
  X(405, "Method Not Allowed") \
  X(406, "Not Acceptable") \
  X(407, "Proxy Authentication Required") \
  X(408, "Request Timeout") \
  X(409, "Conflict") \
  X(410, "Gone") \
  X(411, "Length Required") \
  X(412, "Precondition Failed") \
  X(413, "Content Too Large") \
  X(414, "URI Too Long") \
  X(415, "Unsupported Media Type") \
  X(416, "Range Not Satisfiable") \
  X(417, "Expectation Failed") \
  X(418, "Unused") \
  X(421, "Misdirected Request") \
  X(422, "Unprocessable Content") \
  X(426, "Upgrade Required") \
  X(428, "Precondition Required") \
  X(429, "Too Many Requests") \
  X(431, "Request Header Fields Too Large") \
  X(451, "Unavailable For Legal Reasons") \
  X(500, "Internal Server Error") \
  X(501, "Not Implemented") \
  X(502, "Bad Gateway") \
  X(503, "Service Unavailable") \
  X(504, "Gateway Timeout") \
  X(505, "HTTP Version Not Supported") \
  X(511, "Network Authentication Required")
// clang-format on

std::string_view status_text(int status) {
  switch (status) {
#define KITE_STATUS_TEXT(code, text) \
  case code:                         \
    return text;
    KITE_STATUS_LIST(KITE_STATUS_TEXT)
#undef KITE_STATUS_TEXT
    default:
      return "Unknown";
  }
}

namespace detail {

std::string_view status_line(int status) {
  switch (status) {
#define KITE_STATUS_LINE(code, text) \
  case code:                         \
    return "HTTP/1.1 " #code " " text "\r\n";
    KITE_STATUS_LIST(KITE_STATUS_LINE)
#undef KITE_STATUS_LINE
    default:
      return {};
  }
}

std::string_view error_body(int status) {
  switch (status) {
#define KITE_STATUS_BODY(code, text) \
  case code:                         \
    return "{\"error\":\"" text "\"}";
    KITE_STATUS_LIST(KITE_STATUS_BODY)
#undef KITE_STATUS_BODY
    default:
      return "{\"error\":\"Unknown\"}";
  }
}

}  // namespace detail

#undef KITE_STATUS_LIST

}  // namespace kite::http
