// UTF-8/UTF-16/Latin-1 conversion, JS whitespace classes, case mapping and
// URI component encoding (ECMA-262 19.2.6).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
namespace kite::util {
void utf8_to_utf16(std::string_view, std::u16string& out);
void utf16_to_utf8(std::u16string_view, std::string& out);
void latin1_to_utf8(const std::uint8_t* p, std::size_t n, std::string& out);
bool is_js_whitespace(char32_t);
bool is_line_terminator(char32_t);
void to_upper_full(std::u16string_view, std::u16string& out);
void to_lower_full(std::u16string_view, std::u16string& out);
bool encode_uri_component(std::u16string_view, std::u16string& out);
bool decode_uri_component(std::u16string_view, std::u16string& out);
}  // namespace kite::util
