// The request header names common enough that the handler binding keeps
// each one's interned string (runtime/src/handler/request.cpp), and a
// perfect hash over them computed at compile time: a name received in any
// case maps to its index in kCommonHeaderNames with one hash, one table
// load and one case-insensitive compare, with no lower-casing copy and no
// atom-table lookup. Other names get -1 and take the general path.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "chars.h"

namespace kite::http {

// Lower-case, as req.headers names them (RFC 9110 §5.1: case-insensitive).
inline constexpr std::string_view kCommonHeaderNames[] = {
    "host",
    "user-agent",
    "accept",
    "accept-encoding",
    "accept-language",
    "accept-charset",
    "connection",
    "keep-alive",
    "content-type",
    "content-length",
    "content-encoding",
    "transfer-encoding",
    "authorization",
    "cookie",
    "cache-control",
    "pragma",
    "origin",
    "referer",
    "upgrade",
    "upgrade-insecure-requests",
    "expect",
    "range",
    "te",
    "via",
    "forwarded",
    "x-forwarded-for",
    "x-forwarded-proto",
    "x-forwarded-host",
    "x-real-ip",
    "x-request-id",
    "x-requested-with",
    "traceparent",
    "if-match",
    "if-none-match",
    "if-modified-since",
    "if-unmodified-since",
    "dnt",
    "priority",
    "sec-fetch-site",
    "sec-fetch-mode",
    "sec-fetch-dest",
    "sec-fetch-user",
    "sec-ch-ua",
    "sec-ch-ua-mobile",
    "sec-ch-ua-platform",
};
inline constexpr std::size_t kCommonHeaderCount = std::size(kCommonHeaderNames);

namespace detail {

// The hash of a name of at least two octets: its length and three
// lower-cased octets (the first and the last two; they tell every pair of
// common names apart, e.g. sec-fetch-site and sec-fetch-mode), mixed by a
// multiplier; the table slot is the product's top bits. Reads three octets
// whatever the name's length.
constexpr std::uint32_t header_key(std::string_view name) {
  auto at = [&](std::size_t i) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(ascii_lower(name[i])));
  };
  std::size_t n = name.size();
  return static_cast<std::uint32_t>(n & 0xFF) | at(0) << 8 | at(n - 2) << 16 | at(n - 1) << 24;
}

// 256 one-octet entries: with 45 names the search below succeeds within a
// few dozen multipliers (128 entries would need thousands, past what
// compilers evaluate in a constant expression by default).
inline constexpr unsigned kHeaderTableBits = 8;
inline constexpr std::size_t kHeaderTableSize = std::size_t{1} << kHeaderTableBits;

constexpr std::size_t header_slot(std::uint32_t key, std::uint32_t multiplier) {
  return static_cast<std::size_t>((key * multiplier) >> (32 - kHeaderTableBits));
}

constexpr bool collision_free(std::uint32_t multiplier) {
  std::array<bool, kHeaderTableSize> used{};
  for (std::string_view name : kCommonHeaderNames) {
    std::size_t s = header_slot(header_key(name), multiplier);
    if (used[s]) return false;
    used[s] = true;
  }
  return true;
}

// The generator: the first odd multiplier, from a fixed start, under which
// no two common names share a slot (0 if none is found).
constexpr std::uint32_t find_multiplier() {
  for (std::uint32_t m = 0x9E3779B1u, tries = 0; tries < 1'000; m += 2, ++tries) {
    if (collision_free(m)) return m;
  }
  return 0;
}

inline constexpr std::uint32_t kHeaderMultiplier = find_multiplier();
static_assert(kHeaderMultiplier != 0, "no collision-free multiplier: widen the table");
static_assert(collision_free(kHeaderMultiplier));

// Slot -> index + 1 into kCommonHeaderNames (0: empty).
inline constexpr std::array<std::uint8_t, kHeaderTableSize> kHeaderTable = [] {
  std::array<std::uint8_t, kHeaderTableSize> table{};
  for (std::size_t i = 0; i < kCommonHeaderCount; ++i) {
    table[header_slot(header_key(kCommonHeaderNames[i]), kHeaderMultiplier)] =
        static_cast<std::uint8_t>(i + 1);
  }
  return table;
}();

}  // namespace detail

// The index of `name` (any case) in kCommonHeaderNames, or -1.
inline int common_header_index(std::string_view name) {
  if (name.size() < 2) return -1;
  std::uint8_t e = detail::kHeaderTable[detail::header_slot(detail::header_key(name),
                                                            detail::kHeaderMultiplier)];
  if (e == 0 || !detail::equals_ignore_case(name, kCommonHeaderNames[e - 1])) return -1;
  return e - 1;
}

}  // namespace kite::http
