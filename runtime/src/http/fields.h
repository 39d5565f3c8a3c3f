// Reading the parts of a parsed request the handler binding exposes
// lazily: the query string's pairs and the header fields. Both work on
// bytes the parser has already validated, so they split, never re-check.
#pragma once

#include <kite/http/parser.h>

#include <cstdint>
#include <cstring>
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

// The header fields of a request the parser filled (their views lie in
// order in one buffer) packed into one byte string, so
// the binding copies them once (into a JS string in the Request's internal
// slot) and reads them back without tokenizing lines again: per field, the
// name's and the value's lengths (4 octets each, native order), then the
// name as received and the value without its OWS. Returns a view of
// `scratch`, which is reused (grown as needed) from call to call.
std::string_view pack_fields(const Request& req, std::string& scratch);

// Calls fn(name, value) for each field of a pack_fields() string, in the
// order received.
template <typename Fn>
void for_each_packed_field(std::string_view packed, Fn&& fn) {
  const char* p = packed.data();
  const char* end = p + packed.size();
  while (end - p >= 8) {
    std::uint32_t lengths[2];
    std::memcpy(lengths, p, sizeof lengths);
    p += sizeof lengths;
    std::string_view name(p, lengths[0]);
    std::string_view value(p + lengths[0], lengths[1]);
    p += lengths[0] + lengths[1];
    fn(name, value);
  }
}

}  // namespace kite::http
