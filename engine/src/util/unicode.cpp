#include "util/unicode.h"

#include <cstring>
#include <memory>

#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

namespace kite::util {

namespace {
void put_utf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

void put_utf16(char32_t c, std::u16string& out) {
  if (c >= 0x10000) {
    c -= 0x10000;
    out.push_back(static_cast<char16_t>(0xD800 + (c >> 10)));
    out.push_back(static_cast<char16_t>(0xDC00 + (c & 0x3FF)));
  } else {
    out.push_back(static_cast<char16_t>(c));
  }
}

// Decodes one UTF-8 sequence at s[i]; invalid input yields U+FFFD for the
// maximal invalid subpart (WHATWG).
char32_t decode_one(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    ++i;
    return b;
  }
  int need;
  char32_t cp;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) {
    need = 1;
    cp = b & 0x1F;
  } else if (b >= 0xE0 && b <= 0xEF) {
    need = 2;
    cp = b & 0x0F;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3;
    cp = b & 0x07;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
  } else {
    ++i;
    return 0xFFFD;
  }
  ++i;
  for (int k = 0; k < need; ++k) {
    if (i >= s.size()) return 0xFFFD;
    auto c = static_cast<unsigned char>(s[i]);
    if (c < lo || c > hi) return 0xFFFD;
    lo = 0x80;
    hi = 0xBF;
    cp = (cp << 6) | (c & 0x3F);
    ++i;
  }
  return cp;
}
}  // namespace

void utf8_to_utf16(std::string_view s, std::u16string& out) {
  out.reserve(out.size() + s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      out.push_back(static_cast<char16_t>(s[i++]));
      continue;
    }
    put_utf16(decode_one(s, i), out);
  }
}

void utf16_to_utf8(std::u16string_view s, std::string& out) {
  out.reserve(out.size() + s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 &&
        s[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    put_utf8(c, out);
  }
}

std::string utf16_to_utf8(std::u16string_view s) {
  std::string out;
  utf16_to_utf8(s, out);
  return out;
}

void latin1_to_utf8(const std::uint8_t* p, std::size_t n, std::string& out) {
  std::size_t i = 0;
  out.reserve(out.size() + n);
  while (i < n) {
    // Copy ASCII runs in bulk.
    std::size_t run = i;
    while (run < n && p[run] < 0x80) ++run;
    out.append(reinterpret_cast<const char*>(p + i), run - i);
    i = run;
    if (i < n) {
      put_utf8(p[i], out);
      ++i;
    }
  }
}

bool is_js_whitespace(char32_t c) {
  return c == 9 || c == 11 || c == 12 || c == 32 || c == 0xA0 || c == 0xFEFF || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool is_line_terminator(char32_t c) {
  return c == 10 || c == 13 || c == 0x2028 || c == 0x2029;
}

namespace {
// Runs an ICU case mapping (u_strToUpper / u_strToLower signature) into out,
// growing it once if the mapped text is longer than the input (ß -> SS).
template <typename CaseMap>
void icu_case_map(std::u16string_view s, std::u16string& out, CaseMap map) {
  std::size_t base = out.size();
  auto len = static_cast<std::int32_t>(s.size());
  out.resize(base + s.size());
  UErrorCode status = U_ZERO_ERROR;
  std::int32_t n = map(out.data() + base, len, s.data(), len, "", &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    out.resize(base + static_cast<std::size_t>(n));
    status = U_ZERO_ERROR;
    n = map(out.data() + base, n, s.data(), len, "", &status);
  }
  if (U_FAILURE(status)) {
    out.resize(base);
    out.append(s);
    return;
  }
  out.resize(base + static_cast<std::size_t>(n));
}

const UNormalizer2* normalizer(NormalizationForm form) {
  UErrorCode status = U_ZERO_ERROR;
  switch (form) {
    case NormalizationForm::kNFC:
      return unorm2_getNFCInstance(&status);
    case NormalizationForm::kNFD:
      return unorm2_getNFDInstance(&status);
    case NormalizationForm::kNFKC:
      return unorm2_getNFKCInstance(&status);
    case NormalizationForm::kNFKD:
      return unorm2_getNFKDInstance(&status);
  }
  return nullptr;
}

struct CollatorDeleter {
  void operator()(UCollator* c) const { ucol_close(c); }
};

// Below U+0590 (Latin, IPA, Greek, Cyrillic, Armenian) almost every unit's
// full case mapping is its simple one (u_toupper/u_tolower, a trie lookup),
// which skips u_strToUpper/u_strToLower's set-up. Measured with `kite run`
// on 300k toUpperCase and 300k toLowerCase calls of 'Καλημέρα κόσμε ΣΟΦΟΣ': 87 ms
// through ICU's string functions, 60 ms here. The units that map to more
// than one unit (ß, ŉ, ΐ, İ...) are found once by asking ICU, and send the
// string to it; Σ is mapped here by the Final_Sigma context.
constexpr char16_t kSimpleCaseLimit = 0x590;
constexpr char16_t kCapitalSigma = 0x3A3;

struct SimpleCaseTable {
  bool upper[kSimpleCaseLimit];
  bool lower[kSimpleCaseLimit];
};

bool full_equals_simple(char16_t c, bool upper) {
  char16_t full[4];
  UErrorCode status = U_ZERO_ERROR;
  std::int32_t n =
      upper ? u_strToUpper(full, 4, &c, 1, "", &status) : u_strToLower(full, 4, &c, 1, "", &status);
  UChar32 simple = upper ? u_toupper(c) : u_tolower(c);
  return U_SUCCESS(status) && n == 1 && full[0] == simple;
}

const SimpleCaseTable& simple_case_table() {
  static const SimpleCaseTable table = [] {
    SimpleCaseTable t{};
    for (char16_t c = 0; c < kSimpleCaseLimit; ++c) {
      t.upper[c] = full_equals_simple(c, true);
      t.lower[c] = full_equals_simple(c, false);
    }
    return t;
  }();
  return table;
}

// Final_Sigma (Unicode 3.13, Table 3-17): s[i] follows a cased letter and
// is not followed by one, case-ignorable units skipped either way (checked
// before cased, as ICU does).
bool is_final_sigma(std::u16string_view s, std::size_t i) {
  auto cased_at = [&](std::size_t k, bool& decided) {
    decided = !u_hasBinaryProperty(s[k], UCHAR_CASE_IGNORABLE);
    return decided && u_hasBinaryProperty(s[k], UCHAR_CASED);
  };
  bool decided = false;
  bool before = false;
  for (std::size_t k = i; k-- > 0 && !decided;) before = cased_at(k, decided);
  if (!before) return false;
  decided = false;
  for (std::size_t k = i + 1; k < s.size() && !decided; ++k) {
    if (cased_at(k, decided)) return false;
  }
  return true;
}

// Appends the simple mapping of s to out; false (out unchanged) when some
// unit needs the full mapping.
bool simple_case_map(std::u16string_view s, std::u16string& out, bool upper) {
  const bool* ok = upper ? simple_case_table().upper : simple_case_table().lower;
  for (char16_t c : s) {
    if (c >= kSimpleCaseLimit || !ok[c]) return false;
  }
  out.reserve(out.size() + s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char16_t c = s[i];
    if (upper) {
      out.push_back(static_cast<char16_t>(u_toupper(c)));
    } else if (c == kCapitalSigma) {
      out.push_back(is_final_sigma(s, i) ? u'\u03C2' : u'\u03C3');
    } else {
      out.push_back(static_cast<char16_t>(u_tolower(c)));
    }
  }
  return true;
}
}  // namespace

void to_upper_full(std::u16string_view s, std::u16string& out) {
  if (simple_case_map(s, out, true)) return;
  icu_case_map(s, out, u_strToUpper);
}

void to_lower_full(std::u16string_view s, std::u16string& out) {
  if (simple_case_map(s, out, false)) return;
  icu_case_map(s, out, u_strToLower);
}

bool normalize(std::u16string_view s, NormalizationForm form, std::u16string& out) {
  const UNormalizer2* norm = normalizer(form);
  UErrorCode status = U_ZERO_ERROR;
  auto len = static_cast<std::int32_t>(s.size());
  if (unorm2_spanQuickCheckYes(norm, s.data(), len, &status) == len) return true;
  // NFKD of one code unit is at most 18 units (U+FDFA); 3x covers real text,
  // and an overflow tells us the exact size.
  out.resize(s.size() * 3 + 16);
  status = U_ZERO_ERROR;
  std::int32_t n = unorm2_normalize(norm, s.data(), len, out.data(),
                                    static_cast<std::int32_t>(out.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    out.resize(static_cast<std::size_t>(n));
    status = U_ZERO_ERROR;
    n = unorm2_normalize(norm, s.data(), len, out.data(), n, &status);
  }
  if (U_FAILURE(status)) {
    out.assign(s);  // ICU's data is linked in; not expected
    return false;
  }
  out.resize(static_cast<std::size_t>(n));
  return false;
}

int compare_root_collation(std::u16string_view a, std::u16string_view b) {
  // Opened once per thread on first use; opening costs far more than a
  // comparison.
  thread_local std::unique_ptr<UCollator, CollatorDeleter> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    UCollator* c = ucol_open("", &status);
    // Canonically equivalent strings compare equal even when not in FCD
    // form (ECMA-262 22.1.3.12 requires it).
    ucol_setAttribute(c, UCOL_NORMALIZATION_MODE, UCOL_ON, &status);
    return std::unique_ptr<UCollator, CollatorDeleter>(c);
  }();
  if (collator == nullptr) return a < b ? -1 : a > b ? 1 : 0;  // not expected: data is linked in
  UCollationResult r = ucol_strcoll(collator.get(), a.data(), static_cast<std::int32_t>(a.size()),
                                    b.data(), static_cast<std::int32_t>(b.size()));
  return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

namespace {
bool is_uri_unescaped(char16_t c, std::string_view extra_unescaped) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  if (c == 0 || c >= 0x80) return false;
  auto ch = static_cast<char>(c);
  return std::string_view("-_.!~*'()").find(ch) != std::string_view::npos ||
         extra_unescaped.find(ch) != std::string_view::npos;
}
}  // namespace

bool encode_uri(std::u16string_view s, std::string_view extra_unescaped, std::u16string& out) {
  static const char kHex[] = "0123456789ABCDEF";
  for (std::size_t i = 0; i < s.size(); ++i) {
    char16_t c = s[i];
    if (is_uri_unescaped(c, extra_unescaped)) {
      out.push_back(c);
      continue;
    }
    char32_t cp = c;
    if (c >= 0xDC00 && c <= 0xDFFF) return false;
    if (c >= 0xD800 && c <= 0xDBFF) {
      if (i + 1 >= s.size() || s[i + 1] < 0xDC00 || s[i + 1] > 0xDFFF) return false;
      cp = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
      ++i;
    }
    std::string bytes;
    put_utf8(cp, bytes);
    for (unsigned char b : bytes) {
      out.push_back('%');
      out.push_back(static_cast<char16_t>(kHex[b >> 4]));
      out.push_back(static_cast<char16_t>(kHex[b & 15]));
    }
  }
  return true;
}

bool decode_uri(std::u16string_view s, std::string_view preserve_escape, std::u16string& out) {
  auto hex = [](char16_t c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  // The byte encoded by "%XY" at s[k], or -1.
  auto byte_at = [&](std::size_t k) -> int {
    if (k + 3 > s.size()) return -1;
    if (s[k] != '%') return -1;
    int h = hex(s[k + 1]), l = hex(s[k + 2]);
    return (h < 0 || l < 0) ? -1 : h * 16 + l;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out.push_back(s[i]);
      continue;
    }
    int b = byte_at(i);
    if (b < 0) return false;
    i += 2;
    if (b < 0x80) {
      if (b != 0 && preserve_escape.find(static_cast<char>(b)) != std::string_view::npos) {
        out.append(s.substr(i - 2, 3));  // "%23" stays as written (decodeURI)
      } else {
        out.push_back(static_cast<char16_t>(b));
      }
      continue;
    }
    int n;
    char32_t cp;
    if ((b & 0xE0) == 0xC0) {
      n = 1;
      cp = b & 0x1F;
    } else if ((b & 0xF0) == 0xE0) {
      n = 2;
      cp = b & 0x0F;
    } else if ((b & 0xF8) == 0xF0) {
      n = 3;
      cp = b & 0x07;
    } else {
      return false;
    }
    for (int k = 0; k < n; ++k) {
      int c = byte_at(i + 1);
      if (c < 0 || (c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
      i += 3;
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    put_utf16(cp, out);
  }
  return true;
}

}  // namespace kite::util
