// The UCD tables (engine/src/util/ucd.h): exact name lookup, set membership
// at range edges, and the identifier properties the lexer uses.
#include "util/ucd.h"

#include <gtest/gtest.h>

namespace kite::util::ucd {
namespace {

TEST(Ucd, VersionIsTheGeneratedOne) {
  EXPECT_EQ(unicode_version(), "17.0");
}

TEST(Ucd, NamesAreExactWithAliases) {
  CodePointSet a, b;
  ASSERT_TRUE(binary_property("Alphabetic", &a));
  ASSERT_TRUE(binary_property("Alpha", &b));
  EXPECT_EQ(a.data(), b.data());
  EXPECT_FALSE(binary_property("alphabetic", &a));
  EXPECT_FALSE(binary_property("Hyphen", &a));  // a UCD property ECMAScript does not list
  ASSERT_TRUE(general_category("Lowercase_Letter", &a));
  ASSERT_TRUE(general_category("Ll", &b));
  EXPECT_EQ(a.data(), b.data());
  EXPECT_FALSE(general_category("L&", &a));
  EXPECT_TRUE(script("Garay", &a));
  EXPECT_TRUE(script_extensions("Gara", &a));
  EXPECT_FALSE(script("Katakana_Or_Hiragana", &a));
}

TEST(Ucd, MembershipAtRangeEdges) {
  CodePointSet ascii, cn, cs;
  ASSERT_TRUE(binary_property("ASCII", &ascii));
  EXPECT_TRUE(contains(ascii, 0));
  EXPECT_TRUE(contains(ascii, 0x7F));
  EXPECT_FALSE(contains(ascii, 0x80));
  ASSERT_TRUE(general_category("Cn", &cn));
  ASSERT_TRUE(general_category("Cs", &cs));
  EXPECT_TRUE(contains(cn, 0xD7FC));   // unassigned just below the surrogates
  EXPECT_FALSE(contains(cn, 0xD800));  // surrogates are Cs
  EXPECT_FALSE(contains(cn, 0xDFFF));
  EXPECT_TRUE(contains(cs, 0xDC00));
  EXPECT_FALSE(contains(cn, 0x10FFFD));  // plane 16 private use
  EXPECT_TRUE(contains(cn, 0x10FFFF));
}

TEST(Ucd, IdentifierProperties) {
  EXPECT_TRUE(is_id_start(U'A'));
  EXPECT_FALSE(is_id_start(U'1'));
  EXPECT_TRUE(is_id_continue(U'1'));
  EXPECT_TRUE(is_id_start(0x10400));  // DESERET CAPITAL LETTER LONG I
  EXPECT_TRUE(is_id_start(0x2118));   // Other_ID_Start
  EXPECT_FALSE(is_id_start(0x2E2F));  // Lm, but Pattern_Syntax
  EXPECT_FALSE(is_id_start(0x00B7));  // Other_ID_Continue only
  EXPECT_TRUE(is_id_continue(0x00B7));
  EXPECT_TRUE(is_id_continue(0x200D));  // ZWJ: in Other_ID_Continue since Unicode 15.1
}

}  // namespace
}  // namespace kite::util::ucd
