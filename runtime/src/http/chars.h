// Octet classes shared by the parser and the writer: one 256-entry table so
// each check is a load and a mask.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace kite::http::detail {

enum CharClass : std::uint8_t {
  kTchar = 1,       // RFC 9110 §5.6.2 tchar: the octets of a token
  kFieldChar = 2,   // RFC 9110 §5.5 field-vchar, SP and HTAB: the octets of a field value
  kTargetChar = 4,  // VCHAR / obs-text: what a request-target may hold (no CTL, no SP)
  kHostChar = 8,    // RFC 3986 §3.2.2 reg-name / IP-literal octets plus ':' for the port
};

inline constexpr std::array<std::uint8_t, 256> kCharClass = [] {
  std::array<std::uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c) {
    std::uint8_t bits = 0;
    bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (alnum ||
        std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos) {
      bits |= kTchar;
    }
    if (c == '\t' || c == ' ' || (c >= 0x21 && c != 0x7F)) bits |= kFieldChar;
    if (c >= 0x21 && c != 0x7F) bits |= kTargetChar;
    if (alnum || std::string_view("-._~%!$&'()*+,;=:[]").find(static_cast<char>(c)) !=
                     std::string_view::npos) {
      bits |= kHostChar;
    }
    table[c] = bits;
  }
  return table;
}();

inline bool is(char c, CharClass cls) {
  return (kCharClass[static_cast<unsigned char>(c)] & cls) != 0;
}

// True if one of the 8 octets at p is below `limit` (at most 0x80) or is DEL
// (0x7F). Subtracting `limit` from every octet sets an octet's high bit
// without a borrow from below exactly when the octet is below the limit, and
// the lowest such octet is never reached by a borrow; octets >= 0x80 are
// masked out. Scans use it to skip 8 octets at a time and find the exact
// stop octet one by one.
inline bool any_below_or_del(const char* p, std::uint8_t limit) {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHighBits = 0x8080808080808080;
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  std::uint64_t below = (w - kOnes * limit) & ~w & kHighBits;
  std::uint64_t del = w ^ (kOnes * 0x7F);
  del = (del - kOnes) & ~del & kHighBits;
  return (below | del) != 0;
}

// The value of a hex digit, or -1.
inline int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

// ASCII case-insensitive equality (RFC 9110 §5.1: field names are
// case-insensitive).
inline bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

}  // namespace kite::http::detail
