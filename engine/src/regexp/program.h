// The compiled form of a pattern (regexp.h's Program): bytecode for the
// backtracking matcher, its character classes and the facts the matcher
// uses to skip start positions. Internal to engine/src/regexp/.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "regexp/regexp.h"

namespace kite::regexp {

// Instruction word: opcode in the low byte, kBackward in bit 8 (inside a
// lookbehind characters are read right to left). Operands follow the word.
enum Op : std::uint32_t {
  kChar,       // c: one code unit (code point under u) equal to c
  kCharFold,   // c: canonicalize(input) == c (c already canonical)
  kClass,      // index into Program::classes
  kAny,        // any but line terminators
  kAnyAll,     // any (dotAll)
  kLineStart,  // ^ (m: also after a line terminator)
  kLineEnd,    // $
  kWordBoundary,
  kNotWordBoundary,
  kSplit,        // a, b: continue at a, on failure b
  kJump,         // a
  kSave,         // slot: captures[slot] = position
  kBackref,      // group
  kLook,         // kind (bit 0 negative, bit 1 behind), end: sub-program from here to end
  kLookSucceed,  // the end of a lookaround's sub-program
  kLoopInit,     // k: count[k] = 0
  kLoop,         // k, min, max, greedy, exit
  kLoopBody,     // k, first slot, end slot: mark start, reset the captures inside
  kLoopEnd,      // k, min, top
  kRepeat,       // min, max, greedy, atom length: a one-character atom repeated, atom follows
  kMatch,
};

inline constexpr std::uint32_t kBackward = 1u << 8;
inline constexpr std::uint32_t kInfinity = 0xFFFFFFFFu;

struct CharClass {
  std::vector<std::pair<char32_t, char32_t>> ranges;  // sorted, disjoint, inclusive
  bool negated = false;
  std::array<std::uint64_t, 4> latin1{};  // membership of 0..255 (before negation)

  bool contains(char32_t c) const {
    if (c < 256) return ((latin1[c >> 6] >> (c & 63)) & 1) != 0;
    std::size_t lo = 0;
    std::size_t hi = ranges.size();
    while (lo < hi) {
      std::size_t mid = (lo + hi) / 2;
      if (ranges[mid].second < c) {
        lo = mid + 1;
      } else if (ranges[mid].first > c) {
        hi = mid;
      } else {
        return true;
      }
    }
    return false;
  }
};

class Program {
 public:
  std::uint32_t flags = 0;
  std::uint32_t capture_count = 1;  // including group 0
  std::uint32_t loop_count = 0;
  std::vector<std::uint32_t> code;
  std::vector<CharClass> classes;
  std::vector<std::pair<std::u16string, std::uint32_t>> names;
  bool anchored = false;  // starts with ^ without m: only the start position can match
  // When `filter` is set, a match can only start at a code unit c < 256
  // whose bit is set, or at any c >= 256 when `filter_wide`.
  bool filter = false;
  bool filter_wide = false;
  std::array<std::uint64_t, 4> first{};
};

// Canonicalize (22.2.2.7.3): simple case folding under u, else the
// single-unit toUppercase that does not map non-ASCII to ASCII.
char32_t canonicalize(char32_t c, bool unicode);

}  // namespace kite::regexp
