// The RegExp compiler and matcher (engine/src/regexp) on their own: syntax
// errors with offsets, match semantics the JS corpus cannot pin down as
// directly, and the bounds (interrupt polling, backtrack stack limit).
#include "regexp/regexp.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kite::regexp {
namespace {

std::u16string u(const std::string& s) {
  return std::u16string(s.begin(), s.end());
}

struct MatchRun {
  Status status;
  std::vector<std::int32_t> caps;
};

MatchRun match(const std::string& pattern, const std::u16string& subject, std::uint32_t flags = 0,
               std::uint32_t start = 0, MatchState* state = nullptr) {
  CompileResult r = compile(u(pattern), flags);
  EXPECT_NE(r.program, nullptr) << pattern << ": " << r.error;
  if (r.program == nullptr) return {Status::kNoMatch, {}};
  MatchState local;
  MatchState& st = state != nullptr ? *state : local;
  std::vector<std::int32_t> caps(std::size_t{2} * capture_count(*r.program));
  Subject s{nullptr, subject.data(), static_cast<std::uint32_t>(subject.size())};
  Status status = exec(*r.program, s, start, caps.data(), st);
  return {status, caps};
}

TEST(RegExp, ParsesFlags) {
  std::uint32_t f = 0;
  EXPECT_TRUE(parse_flags(u("dgimsuy"), &f));
  EXPECT_EQ(f, flag::kHasIndices | flag::kGlobal | flag::kIgnoreCase | flag::kMultiline |
                   flag::kDotAll | flag::kUnicode | flag::kSticky);
  EXPECT_FALSE(parse_flags(u("gg"), &f));
  EXPECT_FALSE(parse_flags(u("x"), &f));
  EXPECT_FALSE(parse_flags(u("uv"), &f));
}

TEST(RegExp, SyntaxErrorsNameTheProblemAndOffset) {
  struct Case {
    const char* pattern;
    std::uint32_t flags;
    const char* error;
    std::uint32_t offset;
  };
  for (const Case& c :
       {Case{"a(b", 0, "Unterminated group", 1}, Case{"a)", 0, "Unmatched ')'", 1},
        Case{"*a", 0, "Nothing to repeat", 0}, Case{"a{2,1}", 0, "numbers out of order", 1},
        Case{"[z-a]", 0, "Range out of order", 1},
        Case{"(?<n>a)(?<n>b)", 0, "Duplicate capture group name", 7},
        Case{"\\k<x>(?<y>.)", 0, "Invalid named capture referenced", 0},
        Case{"\\p{Nope}", flag::kUnicode, "Invalid property name", 0},
        Case{"\\p{letter}", flag::kUnicode, "Invalid property name", 0},
        Case{"{", flag::kUnicode, "Lone quantifier brackets", 0},
        Case{"(?<=a)+", 0, "Invalid quantifier", 6}, Case{"\\", 0, "\\ at end of pattern", 1}}) {
    CompileResult r = compile(u(c.pattern), c.flags);
    EXPECT_EQ(r.program, nullptr) << c.pattern;
    EXPECT_NE(r.error.find(c.error), std::string::npos) << c.pattern << ": " << r.error;
    EXPECT_EQ(r.error_offset, c.offset) << c.pattern;
  }
  // Annex B accepts these without u.
  for (const char* ok : {"{", "a{", "]", "\\8", "\\c", "(?=a)*", "[\\d-z]", "\\1(a)"}) {
    EXPECT_NE(compile(u(ok), 0).program, nullptr) << ok;
  }
}

TEST(RegExp, CapturesBackreferencesAndLookbehind) {
  MatchRun r = match("(\\d+)-(?<b>\\d+)", u("tel 12-345"));
  ASSERT_EQ(r.status, Status::kMatch);
  EXPECT_EQ(r.caps, (std::vector<std::int32_t>{4, 10, 4, 6, 7, 10}));
  r = match("(a)|(b)", u("b"));
  EXPECT_EQ(r.caps, (std::vector<std::int32_t>{0, 1, -1, -1, 0, 1}));
  // Captures reset on every iteration (22.2.2.5.1 RepeatMatcher step 4).
  r = match("(?:(a)|b)+", u("ab"));
  EXPECT_EQ(r.caps, (std::vector<std::int32_t>{0, 2, -1, -1}));
  r = match("(\\w)\\1", u("abccd"));
  EXPECT_EQ(r.caps[0], 2);
  r = match("(?<=(\\d+)(\\d+))$", u("1053"));  // right to left: the second group is greedy first
  EXPECT_EQ(r.caps, (std::vector<std::int32_t>{4, 4, 0, 1, 1, 4}));
  r = match("(?<!\\$)\\b\\d+", u("$42 or 17"));
  EXPECT_EQ(r.caps[0], 7);
  EXPECT_EQ(match("a(?=b)", u("acab")).caps[0], 2);
}

TEST(RegExp, CaseInsensitiveCanonicalization) {
  EXPECT_EQ(match("\\u017F", u("s"), flag::kIgnoreCase).status, Status::kNoMatch);
  EXPECT_EQ(match("\\u017F", u("s"), flag::kIgnoreCase | flag::kUnicode).status, Status::kMatch);
  EXPECT_EQ(match("\\u212A", u("k"), flag::kIgnoreCase).status, Status::kNoMatch);
  EXPECT_EQ(match("\\u212A", u("k"), flag::kIgnoreCase | flag::kUnicode).status, Status::kMatch);
  EXPECT_EQ(match("[a-z]+", u("ABC"), flag::kIgnoreCase).caps[1], 3);
  EXPECT_EQ(match("\\w", u"\u017F", flag::kIgnoreCase | flag::kUnicode).status, Status::kMatch);
  EXPECT_EQ(match("\\W", u"\u017F", flag::kIgnoreCase | flag::kUnicode).status, Status::kNoMatch);
}

TEST(RegExp, UnicodeModeReadsCodePoints) {
  std::u16string smile = u"\U0001F600";
  EXPECT_EQ(match("^.$", smile, flag::kUnicode).status, Status::kMatch);
  EXPECT_EQ(match("^.$", smile).status, Status::kNoMatch);
  EXPECT_EQ(match("\\p{Script=Greek}+", u"ab \u03B1\u03B2 c", flag::kUnicode).caps,
            (std::vector<std::int32_t>{3, 5}));
  EXPECT_EQ(match("\\P{L}", u("ab1"), flag::kUnicode).caps[0], 2);
}

TEST(RegExp, StickyMatchesOnlyAtStart) {
  EXPECT_EQ(match("a", u("ba"), flag::kSticky, 0).status, Status::kNoMatch);
  EXPECT_EQ(match("a", u("ba"), flag::kSticky, 1).status, Status::kMatch);
  EXPECT_EQ(match("a", u("ba"), 0, 0).caps[0], 1);
}

TEST(RegExp, CatastrophicBacktrackingIsInterrupted) {
  MatchState st;
  int polls = 0;
  st.poll = [](void* data) { return ++*static_cast<int*>(data) >= 50; };
  st.poll_data = &polls;
  std::u16string s(30, u'a');
  s += u'b';
  EXPECT_EQ(match("^(a+)+$", s, 0, 0, &st).status, Status::kInterrupted);
  EXPECT_EQ(polls, 50);
}

TEST(RegExp, DeepBacktrackingIsTooDeepNotACrash) {
  MatchState st;
  st.max_stack_bytes = 64 << 10;
  std::u16string s(100000, u'a');
  EXPECT_EQ(match("(?:a|b)*c", s, 0, 0, &st).status, Status::kTooDeep);
  // The same state matches again afterwards.
  EXPECT_EQ(match("a+", u("xaa"), 0, 0, &st).caps, (std::vector<std::int32_t>{1, 3}));
}

TEST(RegExp, NestingDepthIsBounded) {
  std::string deep(2000, '(');
  deep += std::string(2000, ')');
  CompileResult r = compile(u(deep), 0);
  EXPECT_EQ(r.program, nullptr);
  EXPECT_NE(r.error.find("too large"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace kite::regexp
