// The engine's one UTF-16 -> UTF-8 encoder (util/unicode.h), used for
// console output, error messages and names the parser and compiler report:
// a surrogate pair is one code point (four bytes), a lone surrogate is
// U+FFFD (EF BF BD).
#include "util/unicode.h"

#include <gtest/gtest.h>

#include <string>

namespace kite::util {
namespace {

TEST(Utf16ToUtf8, EncodesOneTwoAndThreeByteCodePoints) {
  EXPECT_EQ(utf16_to_utf8(u"A"), "A");
  EXPECT_EQ(utf16_to_utf8(u"\u00E9"), "\xC3\xA9");
  EXPECT_EQ(utf16_to_utf8(u"\u20AC"), "\xE2\x82\xAC");
  EXPECT_EQ(utf16_to_utf8(u"\uFFFF"), "\xEF\xBF\xBF");
}

TEST(Utf16ToUtf8, CombinesASurrogatePairIntoFourBytes) {
  const std::u16string grinning = {0xD83D, 0xDE00};  // U+1F600
  EXPECT_EQ(utf16_to_utf8(grinning), "\xF0\x9F\x98\x80");
  const std::u16string math_x = {u'a', 0xD835, 0xDC65, u'b'};  // U+1D465 between ASCII
  EXPECT_EQ(utf16_to_utf8(math_x),
            "a\xF0\x9D\x91\xA5"
            "b");
  const std::u16string last = {0xDBFF, 0xDFFF};  // U+10FFFF
  EXPECT_EQ(utf16_to_utf8(last), "\xF4\x8F\xBF\xBF");
}

TEST(Utf16ToUtf8, EncodesALoneSurrogateAsReplacementCharacter) {
  const std::string fffd = "\xEF\xBF\xBD";
  const std::u16string high_alone = {u'x', 0xD800, u'y'};
  EXPECT_EQ(utf16_to_utf8(high_alone), "x" + fffd + "y");
  const std::u16string low_alone = {0xDC00};
  EXPECT_EQ(utf16_to_utf8(low_alone), fffd);
  const std::u16string high_at_end = {u'x', 0xD83D};
  EXPECT_EQ(utf16_to_utf8(high_at_end), "x" + fffd);
  const std::u16string reversed = {0xDE00, 0xD83D};  // low then high: two lone surrogates
  EXPECT_EQ(utf16_to_utf8(reversed), fffd + fffd);
}

TEST(Utf16ToUtf8, AppendsToTheOutput) {
  std::string out = "pre:";
  const std::u16string grinning = {0xD83D, 0xDE00};
  utf16_to_utf8(grinning, out);
  EXPECT_EQ(out, "pre:\xF0\x9F\x98\x80");
}

TEST(Utf8ToUtf16, AstralCodePointRoundTrips) {
  std::u16string units;
  utf8_to_utf16("\xF0\x9F\x98\x80", units);
  EXPECT_EQ(units, std::u16string({0xD83D, 0xDE00}));
  EXPECT_EQ(utf16_to_utf8(units), "\xF0\x9F\x98\x80");
}

}  // namespace
}  // namespace kite::util
