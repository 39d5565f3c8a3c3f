// Reading the parts of a parsed request the handler binding exposes
// lazily: the query string's pairs and the header section's field lines.
// Both work on bytes the parser has already validated (RFC 9112 §5: a field
// line is `name ":" OWS value OWS CRLF`), so they split, never re-check.
#pragma once

#include <string>
#include <string_view>

#include "chars.h"

namespace kite::http {

// application/x-www-form-urlencoded decoding of one key or value (WHATWG
// URL §5.1): '+' is a space, %XX a byte, a malformed escape kept as it is.
void form_decode(std::string_view in, std::string& out);

// Calls fn(name, value) for each `name[=value]` pair of a query string,
// both still encoded; empty pairs ("a&&b") are skipped.
template <typename Fn>
void for_each_query_pair(std::string_view query, Fn&& fn) {
  std::size_t pos = 0;
  while (pos < query.size()) {
    std::size_t amp = query.find('&', pos);
    if (amp == std::string_view::npos) amp = query.size();
    std::string_view pair = query.substr(pos, amp - pos);
    if (!pair.empty()) {
      std::size_t eq = pair.find('=');
      fn(pair.substr(0, eq),
         eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
    }
    pos = amp + 1;
  }
}

// Calls fn(name, value) for each field line of a header section as the
// parser accepted it (CRLF or LF line ends), the value without its OWS.
template <typename Fn>
void for_each_field_line(std::string_view section, Fn&& fn) {
  std::size_t pos = 0;
  while (pos < section.size()) {
    std::size_t nl = section.find('\n', pos);
    if (nl == std::string_view::npos) nl = section.size();
    std::string_view line = section.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    fn(line.substr(0, colon), value);
  }
}

}  // namespace kite::http
