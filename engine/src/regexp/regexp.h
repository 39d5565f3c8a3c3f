// ECMAScript (ES2023) regular expressions: a compiler from pattern source to
// a backtracking bytecode program, and the matcher that runs it over a
// one-byte or two-byte subject. Standalone: no VM types; the RegExp
// built-ins (builtins/regexp.cpp) own objects, lastIndex and results.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kite::regexp {

namespace flag {
inline constexpr std::uint32_t kHasIndices = 1;    // d
inline constexpr std::uint32_t kGlobal = 2;        // g
inline constexpr std::uint32_t kIgnoreCase = 4;    // i
inline constexpr std::uint32_t kMultiline = 8;     // m
inline constexpr std::uint32_t kDotAll = 16;       // s
inline constexpr std::uint32_t kUnicode = 32;      // u
inline constexpr std::uint32_t kUnicodeSets = 64;  // v
inline constexpr std::uint32_t kSticky = 128;      // y
}  // namespace flag

// Parses a flags string ("dgimsuvy" in any order). False on an unknown or
// repeated flag, or on u together with v.
bool parse_flags(std::u16string_view text, std::uint32_t* flags);

class Program;  // compiled pattern; immutable, shareable between RegExp objects

struct CompileResult {
  std::shared_ptr<const Program> program;  // null on error
  std::string error;                       // e.g. "nothing to repeat"
  std::uint32_t error_offset = 0;          // code unit offset in the pattern
};

// Compiles `pattern` (the RegExp source, UTF-16) under `flags`. Early errors
// of the pattern grammar (including Annex B for non-u patterns) are errors.
CompileResult compile(std::u16string_view pattern, std::uint32_t flags);

// Number of capture slots pairs, including group 0 (so at least 1).
std::uint32_t capture_count(const Program& program);
std::uint32_t program_flags(const Program& program);
// Named groups: (name, group index), in pattern order.
const std::vector<std::pair<std::u16string, std::uint32_t>>& group_names(const Program& program);

// The subject: exactly one of latin1/utf16 is non-null.
struct Subject {
  const std::uint8_t* latin1 = nullptr;
  const char16_t* utf16 = nullptr;
  std::uint32_t length = 0;
};

enum class Status { kMatch, kNoMatch, kInterrupted, kTooDeep };

// Per-caller matching state: the backtrack stack is kept between calls, and
// `poll` is called every few thousand steps; returning true interrupts.
class MatchState {
 public:
  MatchState();
  ~MatchState();
  MatchState(const MatchState&) = delete;
  MatchState& operator=(const MatchState&) = delete;

  bool (*poll)(void* data) = nullptr;
  void* poll_data = nullptr;
  std::size_t max_stack_bytes = std::size_t{64} << 20;  // kTooDeep beyond this

  struct Impl;
  std::unique_ptr<Impl> impl;
};

// Runs `program` on `subject` from code unit `start`. Sticky programs match
// only at `start`; others scan forward. On kMatch `captures` (2 *
// capture_count ints) holds start/end code unit offsets per group, -1 for
// unset groups.
Status exec(const Program& program, const Subject& subject, std::uint32_t start,
            std::int32_t* captures, MatchState& state);

}  // namespace kite::regexp
