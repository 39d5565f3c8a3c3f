// UTF-8/UTF-16/Latin-1 conversion, JS whitespace classes, case mapping and
// URI encoding (ECMA-262 19.2.6); normalization and collation via ICU.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
namespace kite::util {
void utf8_to_utf16(std::string_view, std::u16string& out);
// The engine's one UTF-16 -> UTF-8 encoder, appending to out: a surrogate
// pair is one code point (four bytes); a lone surrogate is encoded as
// U+FFFD (EF BF BD), so the output is always valid UTF-8.
void utf16_to_utf8(std::u16string_view, std::string& out);
std::string utf16_to_utf8(std::u16string_view);
void latin1_to_utf8(const std::uint8_t* p, std::size_t n, std::string& out);
bool is_js_whitespace(char32_t);
bool is_line_terminator(char32_t);
// Full case mapping (UnicodeData plus SpecialCasing, including the Final_Sigma
// context) with ICU's root locale, appended to out.
void to_upper_full(std::u16string_view, std::u16string& out);
void to_lower_full(std::u16string_view, std::u16string& out);

enum class NormalizationForm { kNFC, kNFD, kNFKC, kNFKD };
// Unicode normalization (UAX #15). Returns true when s is already in the
// form (out untouched); otherwise writes the normalized text to out.
bool normalize(std::u16string_view s, NormalizationForm form, std::u16string& out);

// -1, 0 or 1: a against b under the root collation (DUCET/CLDR root,
// tertiary strength, canonically equivalent strings equal).
int compare_root_collation(std::u16string_view a, std::u16string_view b);

// Encode (ECMA-262 19.2.6.5): the units outside uriUnreserved and
// extra_unescaped become %XX UTF-8 escapes; false on a lone surrogate.
bool encode_uri(std::u16string_view s, std::string_view extra_unescaped, std::u16string& out);
// Decode (19.2.6.6): %XX escapes become code points, except ASCII ones in
// preserve_escape, which stay as written; false on a malformed escape or
// invalid UTF-8.
bool decode_uri(std::u16string_view s, std::string_view preserve_escape, std::u16string& out);
}  // namespace kite::util
