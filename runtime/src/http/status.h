// The status table's pre-built pieces, for the writer.
#pragma once

#include <string_view>

namespace kite::http::detail {

// "HTTP/1.1 200 OK\r\n" for a status in the table; empty for others.
std::string_view status_line(int status);

// {"error":"<reason phrase>"} for a status in the table; {"error":"Unknown"}
// for others.
std::string_view error_body(int status);

}  // namespace kite::http::detail
