#include "parser/lexer.h"

#include <charconv>
#include <cmath>
#include <string>

#include "util/ucd.h"

namespace kite::parser {

namespace {

bool is_unicode_space(char32_t c) {
  return c == 0xA0 || c == 0xFEFF || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

bool is_line_terminator(char32_t c) {
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

// IdentifierStartChar and IdentifierPartChar (12.7): ID_Start and
// ID_Continue from the UCD tables, plus $, _, ZWNJ and ZWJ.
bool is_id_start(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
  return util::ucd::is_id_start(c);
}

bool is_id_part(char32_t c) {
  if (c < 0x80) return is_id_start(c) || (c >= '0' && c <= '9');
  return c == 0x200C || c == 0x200D || util::ucd::is_id_continue(c);
}

void append_cp(std::u16string* out, char32_t cp) {
  if (cp >= 0x10000) {
    cp -= 0x10000;
    out->push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
    out->push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
  } else {
    out->push_back(static_cast<char16_t>(cp));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Lexer::Lexer(std::string_view source) : src_(source) {
  // Hashbang comment on line 1.
  if (src_.size() >= 2 && src_[0] == '#' && src_[1] == '!') {
    while (pos_ < src_.size() && src_[pos_] != '\n' && src_[pos_] != '\r') {
      std::uint32_t len;
      peek_cp(&len);
      advance(len, 1);
    }
  }
}

char32_t Lexer::peek_cp(std::uint32_t* len) const {
  auto b = static_cast<unsigned char>(src_[pos_]);
  if (b < 0x80) {
    *len = 1;
    return b;
  }
  auto rest = static_cast<std::uint32_t>(src_.size() - pos_);
  auto cont = [&](std::uint32_t i) -> int {
    if (i >= rest) return -1;
    auto c = static_cast<unsigned char>(src_[pos_ + i]);
    return (c & 0xC0) == 0x80 ? (c & 0x3F) : -1;
  };
  if ((b & 0xE0) == 0xC0) {
    int c1 = cont(1);
    if (c1 >= 0 && b >= 0xC2) {
      *len = 2;
      return ((b & 0x1F) << 6) | c1;
    }
  } else if ((b & 0xF0) == 0xE0) {
    int c1 = cont(1), c2 = cont(2);
    if (c1 >= 0 && c2 >= 0) {
      char32_t cp = ((b & 0x0F) << 12) | (c1 << 6) | c2;
      if (cp >= 0x800) {
        *len = 3;
        return cp;
      }
    }
  } else if ((b & 0xF8) == 0xF0) {
    int c1 = cont(1), c2 = cont(2), c3 = cont(3);
    if (c1 >= 0 && c2 >= 0 && c3 >= 0) {
      char32_t cp = ((b & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
      if (cp >= 0x10000 && cp <= 0x10FFFF) {
        *len = 4;
        return cp;
      }
    }
  }
  *len = 1;
  return 0xFFFD;
}

void Lexer::advance(std::uint32_t bytes, std::uint32_t units) {
  pos_ += bytes;
  col_ += units;
}

char32_t Lexer::read_cp() {
  std::uint32_t len;
  char32_t c = peek_cp(&len);
  advance(len, c >= 0x10000 ? 2 : 1);
  return c;
}

bool Lexer::skip_space(bool* newline, LexError* err) {
  bool at_input_start = pos_ == 0;
  auto skip_line = [&] {
    while (pos_ < src_.size()) {
      std::uint32_t len;
      char32_t cp = peek_cp(&len);
      if (is_line_terminator(cp)) break;
      advance(len, cp >= 0x10000 ? 2 : 1);
    }
  };
  while (pos_ < src_.size()) {
    char c = src_[pos_];
    // Annex B.1.1 HTML-like comments (scripts): `<!--` starts a
    // single-line comment anywhere; `-->` does where a line begins (after a
    // line terminator, possibly inside a multi-line comment, or at the
    // start of the input).
    if (c == '<' && !module_ && src_.compare(pos_, 4, "<!--") == 0) {
      skip_line();
      continue;
    }
    if (c == '-' && !module_ && (*newline || at_input_start) && src_.compare(pos_, 3, "-->") == 0) {
      skip_line();
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\v' || c == '\f') {
      advance(1, 1);
    } else if (c == '\n') {
      ++pos_;
      ++line_;
      col_ = 1;
      *newline = true;
    } else if (c == '\r') {
      ++pos_;
      if (pos_ < src_.size() && src_[pos_] == '\n') ++pos_;
      ++line_;
      col_ = 1;
      *newline = true;
    } else if (c == '/' && pos_ + 1 < src_.size() && src_[pos_ + 1] == '/') {
      while (pos_ < src_.size()) {
        std::uint32_t len;
        char32_t cp = peek_cp(&len);
        if (is_line_terminator(cp)) break;
        advance(len, cp >= 0x10000 ? 2 : 1);
      }
    } else if (c == '/' && pos_ + 1 < src_.size() && src_[pos_ + 1] == '*') {
      Pos start = here();
      advance(2, 2);
      bool closed = false;
      while (pos_ < src_.size()) {
        if (src_[pos_] == '*' && pos_ + 1 < src_.size() && src_[pos_ + 1] == '/') {
          advance(2, 2);
          closed = true;
          break;
        }
        std::uint32_t len;
        char32_t cp = peek_cp(&len);
        if (cp == '\r' && pos_ + 1 < src_.size() && src_[pos_ + 1] == '\n') {
          pos_ += 2;
          ++line_;
          col_ = 1;
          *newline = true;
        } else if (is_line_terminator(cp)) {
          pos_ += len;
          ++line_;
          col_ = 1;
          *newline = true;
        } else {
          advance(len, cp >= 0x10000 ? 2 : 1);
        }
      }
      if (!closed) {
        *err = LexError{"Invalid or unexpected token", start};
        return false;
      }
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      std::uint32_t len;
      char32_t cp = peek_cp(&len);
      if (is_unicode_space(cp)) {
        advance(len, 1);
      } else if (cp == 0x2028 || cp == 0x2029) {
        pos_ += len;
        ++line_;
        col_ = 1;
        *newline = true;
      } else {
        return true;
      }
    } else {
      return true;
    }
  }
  return true;
}

bool Lexer::next(Token* t, LexError* err) {
  bool newline = false;
  if (!skip_space(&newline, err)) return false;
  t->newline_before = newline;
  t->escaped = false;
  t->legacy_octal = false;
  t->pos = here();
  t->value.clear();
  if (pos_ >= src_.size()) {
    t->type = Tok::kEof;
    t->end = pos_;
    return true;
  }
  char c = src_[pos_];
  char n1 = pos_ + 1 < src_.size() ? src_[pos_ + 1] : '\0';
  char n2 = pos_ + 2 < src_.size() ? src_[pos_ + 2] : '\0';
  char n3 = pos_ + 3 < src_.size() ? src_[pos_ + 3] : '\0';
  auto punct = [&](Tok type, std::uint32_t len) {
    t->type = type;
    advance(len, len);
    t->end = pos_;
    return true;
  };
  switch (c) {
    case '{':
      return punct(Tok::kLBrace, 1);
    case '}':
      return punct(Tok::kRBrace, 1);
    case '(':
      return punct(Tok::kLParen, 1);
    case ')':
      return punct(Tok::kRParen, 1);
    case '[':
      return punct(Tok::kLBracket, 1);
    case ']':
      return punct(Tok::kRBracket, 1);
    case ';':
      return punct(Tok::kSemicolon, 1);
    case ',':
      return punct(Tok::kComma, 1);
    case ':':
      return punct(Tok::kColon, 1);
    case '~':
      return punct(Tok::kTilde, 1);
    case '#': {
      advance(1, 1);
      std::uint32_t len;
      char32_t next = pos_ < src_.size() ? peek_cp(&len) : 0;
      if (is_id_start(next) || next == '\\') {
        // A PrivateIdentifier: # then an IdentifierName (escapes and
        // non-ASCII letters included).
        Token tmp;
        if (!scan_identifier(&tmp, err)) return false;
        t->type = Tok::kPrivateName;
        t->value = tmp.value;
        t->end = pos_;
        return true;
      }
      t->type = Tok::kHash;
      t->end = pos_;
      return true;
    }
    case '.':
      if (n1 >= '0' && n1 <= '9') return scan_number(t, err);
      if (n1 == '.' && n2 == '.') return punct(Tok::kEllipsis, 3);
      return punct(Tok::kDot, 1);
    case '<':
      if (n1 == '<') return n2 == '=' ? punct(Tok::kShlAssign, 3) : punct(Tok::kShl, 2);
      return n1 == '=' ? punct(Tok::kLe, 2) : punct(Tok::kLt, 1);
    case '>':
      if (n1 == '>') {
        if (n2 == '>') return n3 == '=' ? punct(Tok::kUShrAssign, 4) : punct(Tok::kUShr, 3);
        return n2 == '=' ? punct(Tok::kShrAssign, 3) : punct(Tok::kShr, 2);
      }
      return n1 == '=' ? punct(Tok::kGe, 2) : punct(Tok::kGt, 1);
    case '=':
      if (n1 == '=') return n2 == '=' ? punct(Tok::kStrictEq, 3) : punct(Tok::kEq, 2);
      if (n1 == '>') return punct(Tok::kArrow, 2);
      return punct(Tok::kAssign, 1);
    case '!':
      if (n1 == '=') return n2 == '=' ? punct(Tok::kStrictNe, 3) : punct(Tok::kNe, 2);
      return punct(Tok::kBang, 1);
    case '+':
      if (n1 == '+') return punct(Tok::kInc, 2);
      return n1 == '=' ? punct(Tok::kPlusAssign, 2) : punct(Tok::kPlus, 1);
    case '-':
      if (n1 == '-') return punct(Tok::kDec, 2);
      return n1 == '=' ? punct(Tok::kMinusAssign, 2) : punct(Tok::kMinus, 1);
    case '*':
      if (n1 == '*') return n2 == '=' ? punct(Tok::kStarStarAssign, 3) : punct(Tok::kStarStar, 2);
      return n1 == '=' ? punct(Tok::kStarAssign, 2) : punct(Tok::kStar, 1);
    case '/':
      return n1 == '=' ? punct(Tok::kSlashAssign, 2) : punct(Tok::kSlash, 1);
    case '%':
      return n1 == '=' ? punct(Tok::kPercentAssign, 2) : punct(Tok::kPercent, 1);
    case '&':
      if (n1 == '&') return n2 == '=' ? punct(Tok::kAndAndAssign, 3) : punct(Tok::kAndAnd, 2);
      return n1 == '=' ? punct(Tok::kAmpAssign, 2) : punct(Tok::kAmp, 1);
    case '|':
      if (n1 == '|') return n2 == '=' ? punct(Tok::kOrOrAssign, 3) : punct(Tok::kOrOr, 2);
      return n1 == '=' ? punct(Tok::kPipeAssign, 2) : punct(Tok::kPipe, 1);
    case '^':
      return n1 == '=' ? punct(Tok::kCaretAssign, 2) : punct(Tok::kCaret, 1);
    case '?':
      if (n1 == '?') {
        return n2 == '=' ? punct(Tok::kQuestionQuestionAssign, 3)
                         : punct(Tok::kQuestionQuestion, 2);
      }
      if (n1 == '.' && !(n2 >= '0' && n2 <= '9')) return punct(Tok::kQuestionDot, 2);
      return punct(Tok::kQuestion, 1);
    case '"':
    case '\'':
      return scan_string(t, c, err);
    case '`':
      advance(1, 1);
      return scan_template(t, err);
    default:
      break;
  }
  if (c >= '0' && c <= '9') return scan_number(t, err);
  std::uint32_t len;
  char32_t cp = peek_cp(&len);
  if (is_id_start(cp) || c == '\\') return scan_identifier(t, err);
  *err = LexError{"Invalid or unexpected token", t->pos};
  return false;
}

bool Lexer::scan_identifier(Token* t, LexError* err) {
  t->type = Tok::kIdentifier;
  t->value.clear();
  bool first = true;
  while (pos_ < src_.size()) {
    char c = src_[pos_];
    if (c == '\\') {
      Pos at = here();
      if (pos_ + 1 >= src_.size() || src_[pos_ + 1] != 'u') {
        *err = LexError{"Invalid or unexpected token", at};
        return false;
      }
      advance(2, 2);
      char32_t cp = 0;
      if (pos_ < src_.size() && src_[pos_] == '{') {
        advance(1, 1);
        int digits = 0;
        while (pos_ < src_.size() && hex_value(src_[pos_]) >= 0) {
          cp = cp * 16 + static_cast<char32_t>(hex_value(src_[pos_]));
          advance(1, 1);
          if (cp > 0x10FFFF) break;
          ++digits;
        }
        if (digits == 0 || cp > 0x10FFFF || pos_ >= src_.size() || src_[pos_] != '}') {
          *err = LexError{"Invalid Unicode escape sequence", at};
          return false;
        }
        advance(1, 1);
      } else {
        for (int i = 0; i < 4; ++i) {
          if (pos_ >= src_.size() || hex_value(src_[pos_]) < 0) {
            *err = LexError{"Invalid Unicode escape sequence", at};
            return false;
          }
          cp = cp * 16 + static_cast<char32_t>(hex_value(src_[pos_]));
          advance(1, 1);
        }
      }
      if (first ? !is_id_start(cp) : !is_id_part(cp)) {
        *err = LexError{"Invalid Unicode escape sequence", at};
        return false;
      }
      append_cp(&t->value, cp);
      t->escaped = true;
      first = false;
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x80) {
      bool ok = first ? is_id_start(static_cast<unsigned char>(c))
                      : is_id_part(static_cast<unsigned char>(c));
      if (!ok) break;
      t->value.push_back(static_cast<char16_t>(c));
      advance(1, 1);
    } else {
      std::uint32_t len;
      char32_t cp = peek_cp(&len);
      if (!(first ? is_id_start(cp) : is_id_part(cp))) break;
      append_cp(&t->value, cp);
      advance(len, cp >= 0x10000 ? 2 : 1);
    }
    first = false;
  }
  t->end = pos_;
  return true;
}

bool Lexer::scan_number(Token* t, LexError* err) {
  t->type = Tok::kNumber;
  t->radix = 10;
  std::uint32_t start = pos_;
  Pos at = here();
  std::string digits;
  auto read_digits = [&](auto valid, bool allow_sep) -> bool {
    bool any = false;
    bool last_sep = false;
    while (pos_ < src_.size()) {
      char c = src_[pos_];
      if (c == '_' && allow_sep) {
        if (!any || last_sep) {
          *err = LexError{"Numeric separators are not allowed here", here()};
          return false;
        }
        last_sep = true;
        advance(1, 1);
        continue;
      }
      if (!valid(c)) break;
      digits.push_back(c);
      any = true;
      last_sep = false;
      advance(1, 1);
    }
    if (last_sep) {
      *err = LexError{"Numeric separators are not allowed at the end of numeric literals", here()};
      return false;
    }
    return true;
  };
  auto is_dec = [](char c) { return c >= '0' && c <= '9'; };
  char c = src_[pos_];
  char n1 = pos_ + 1 < src_.size() ? src_[pos_ + 1] : '\0';
  if (c == '0' && (n1 == 'x' || n1 == 'X' || n1 == 'o' || n1 == 'O' || n1 == 'b' || n1 == 'B')) {
    int base = (n1 == 'x' || n1 == 'X') ? 16 : (n1 == 'o' || n1 == 'O') ? 8 : 2;
    advance(2, 2);
    bool ok = read_digits(
        [base](char d) {
          if (base == 16) return hex_value(d) >= 0;
          if (base == 8) return d >= '0' && d <= '7';
          return d == '0' || d == '1';
        },
        true);
    if (!ok) return false;
    if (digits.empty()) {
      *err = LexError{"Invalid or unexpected token", at};
      return false;
    }
    double v = 0;
    for (char d : digits) v = v * base + hex_value(d);
    t->number = v;
    t->radix = base;
  } else if (c == '0' && n1 == '_') {
    *err = LexError{"Numeric separator can not be used after leading 0.", at};
    return false;
  } else if (c == '0' && is_dec(n1)) {
    // Legacy octal (017) or non-octal decimal (08): not allowed in strict mode.
    *err = LexError{"Octal literals are not allowed in strict mode.", at};
    return false;
  } else {
    if (!read_digits(is_dec, true)) return false;
    if (pos_ < src_.size() && src_[pos_] == '.') {
      digits.push_back('.');
      advance(1, 1);
      if (!read_digits(is_dec, true)) return false;
    }
    if (pos_ < src_.size() && (src_[pos_] == 'e' || src_[pos_] == 'E')) {
      std::uint32_t save = pos_;
      digits.push_back('e');
      advance(1, 1);
      if (pos_ < src_.size() && (src_[pos_] == '+' || src_[pos_] == '-')) {
        digits.push_back(src_[pos_]);
        advance(1, 1);
      }
      std::size_t before = digits.size();
      if (!read_digits(is_dec, true)) return false;
      if (digits.size() == before) {
        (void)save;
        *err = LexError{"Invalid or unexpected token", at};
        return false;
      }
    }
    double v = 0;
    auto res = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (res.ec == std::errc::result_out_of_range) {
      v = digits.find('e') != std::string::npos && digits.find("e-") != std::string::npos
              ? 0.0
              : INFINITY;
    }
    t->number = v;
  }
  if (pos_ < src_.size() && src_[pos_] == 'n') {
    // A BigInt literal: an integer with no fraction or exponent.
    if (digits.find_first_of(".eE") != std::string::npos && t->radix == 10) {
      *err = LexError{"Invalid or unexpected token", at};
      return false;
    }
    t->type = Tok::kBigInt;
    t->value.assign(digits.begin(), digits.end());
    advance(1, 1);
  }
  if (pos_ < src_.size()) {
    std::uint32_t len;
    char32_t cp = peek_cp(&len);
    if (is_id_start(cp) || is_dec(static_cast<char>(cp))) {
      *err = LexError{"Invalid or unexpected token", at};
      return false;
    }
  }
  (void)start;
  t->end = pos_;
  return true;
}

// One escape sequence after a backslash (already consumed). Appends to out.
bool Lexer::escape(std::u16string* out, bool in_template, bool* legacy_octal, LexError* err,
                   bool* invalid) {
  Pos at = here();
  at.column -= 1;
  if (pos_ >= src_.size()) {
    *err = LexError{"Invalid or unexpected token", at};
    return false;
  }
  char c = src_[pos_];
  auto fail = [&](const char* msg) {
    if (in_template && invalid != nullptr) {
      *invalid = true;
      return true;
    }
    *err = LexError{msg, at};
    return false;
  };
  switch (c) {
    case 'n':
      out->push_back('\n');
      advance(1, 1);
      return true;
    case 't':
      out->push_back('\t');
      advance(1, 1);
      return true;
    case 'r':
      out->push_back('\r');
      advance(1, 1);
      return true;
    case 'b':
      out->push_back('\b');
      advance(1, 1);
      return true;
    case 'f':
      out->push_back('\f');
      advance(1, 1);
      return true;
    case 'v':
      out->push_back('\v');
      advance(1, 1);
      return true;
    case '\r':
      ++pos_;
      if (pos_ < src_.size() && src_[pos_] == '\n') ++pos_;
      ++line_;
      col_ = 1;
      return true;
    case '\n':
      ++pos_;
      ++line_;
      col_ = 1;
      return true;
    case 'x': {
      advance(1, 1);
      if (pos_ + 1 < src_.size() && hex_value(src_[pos_]) >= 0 && hex_value(src_[pos_ + 1]) >= 0) {
        out->push_back(
            static_cast<char16_t>(hex_value(src_[pos_]) * 16 + hex_value(src_[pos_ + 1])));
        advance(2, 2);
        return true;
      }
      return fail("Invalid hexadecimal escape sequence");
    }
    case 'u': {
      advance(1, 1);
      char32_t cp = 0;
      if (pos_ < src_.size() && src_[pos_] == '{') {
        advance(1, 1);
        int digits = 0;
        while (pos_ < src_.size() && hex_value(src_[pos_]) >= 0) {
          cp = cp * 16 + static_cast<char32_t>(hex_value(src_[pos_]));
          advance(1, 1);
          ++digits;
          if (cp > 0x10FFFF) break;
        }
        if (digits == 0 || cp > 0x10FFFF || pos_ >= src_.size() || src_[pos_] != '}') {
          return fail("Invalid Unicode escape sequence");
        }
        advance(1, 1);
        append_cp(out, cp);
        return true;
      }
      for (int i = 0; i < 4; ++i) {
        if (pos_ >= src_.size() || hex_value(src_[pos_]) < 0)
          return fail("Invalid Unicode escape sequence");
        cp = cp * 16 + static_cast<char32_t>(hex_value(src_[pos_]));
        advance(1, 1);
      }
      out->push_back(static_cast<char16_t>(cp));
      return true;
    }
    case '0':
      if (!(pos_ + 1 < src_.size() && src_[pos_ + 1] >= '0' && src_[pos_ + 1] <= '9')) {
        out->push_back('\0');
        advance(1, 1);
        return true;
      }
      [[fallthrough]];
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9':
      *legacy_octal = true;
      if (in_template) return fail("Octal escape sequences are not allowed in template strings");
      *err = LexError{"Octal escape sequences are not allowed in strict mode.", at};
      return false;
    default: {
      std::uint32_t len;
      char32_t cp = peek_cp(&len);
      if (cp == 0x2028 || cp == 0x2029) {
        pos_ += len;
        ++line_;
        col_ = 1;
        return true;
      }
      append_cp(out, cp);
      advance(len, cp >= 0x10000 ? 2 : 1);
      return true;
    }
  }
}

bool Lexer::scan_string(Token* t, char quote, LexError* err) {
  t->type = Tok::kString;
  Pos start = here();
  advance(1, 1);
  t->value.clear();
  while (true) {
    if (pos_ >= src_.size()) {
      *err = LexError{"Invalid or unexpected token", start};
      return false;
    }
    char c = src_[pos_];
    if (c == quote) {
      advance(1, 1);
      break;
    }
    if (c == '\\') {
      advance(1, 1);
      if (!escape(&t->value, false, &t->legacy_octal, err, nullptr)) return false;
      continue;
    }
    if (c == '\n' || c == '\r') {
      *err = LexError{"Invalid or unexpected token", start};
      return false;
    }
    if (static_cast<unsigned char>(c) < 0x80) {
      t->value.push_back(static_cast<char16_t>(c));
      advance(1, 1);
    } else {
      append_cp(&t->value, read_cp());
    }
  }
  t->end = pos_;
  return true;
}

bool Lexer::next_regexp(Token* t, LexError* err) {
  restore(State{t->pos.offset, t->pos.line, t->pos.column});
  advance(1, 1);  // the opening `/`
  t->type = Tok::kRegExp;
  t->value.clear();
  t->raw.clear();
  auto append = [&](char32_t cp) {
    if (cp >= 0x10000) {
      t->value.push_back(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
      t->value.push_back(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    } else {
      t->value.push_back(static_cast<char16_t>(cp));
    }
  };
  auto line_terminator = [](char32_t cp) {
    return cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029;
  };
  bool in_class = false;
  for (;;) {
    if (pos_ >= src_.size()) {
      *err = LexError{"Invalid regular expression: missing /", t->pos};
      return false;
    }
    char32_t cp = read_cp();
    if (line_terminator(cp)) {
      *err = LexError{"Invalid regular expression: missing /", t->pos};
      return false;
    }
    if (cp == '/' && !in_class) break;
    append(cp);
    if (cp == '\\') {
      if (pos_ >= src_.size()) continue;
      char32_t next = read_cp();
      if (line_terminator(next)) {
        *err = LexError{"Invalid regular expression: missing /", t->pos};
        return false;
      }
      append(next);
    } else if (cp == '[') {
      in_class = true;
    } else if (cp == ']') {
      in_class = false;
    }
  }
  while (pos_ < src_.size()) {
    std::uint32_t len;
    char32_t cp = peek_cp(&len);
    if (cp == '\\') {
      *err = LexError{"Invalid regular expression flags", here()};
      return false;
    }
    if (!is_id_part(cp)) break;
    read_cp();
    if (cp >= 0x10000) {
      t->raw.push_back(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
      t->raw.push_back(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    } else {
      t->raw.push_back(static_cast<char16_t>(cp));
    }
  }
  t->end = pos_;
  return true;
}

bool Lexer::next_template_part(Token* t, LexError* err) {
  t->pos = here();
  t->newline_before = false;
  return scan_template(t, err);
}

// Scans template characters after ` or }, up to ${ or the closing `.
bool Lexer::scan_template(Token* t, LexError* err) {
  t->type = Tok::kTemplate;
  t->value.clear();
  t->raw.clear();
  t->cooked_valid = true;
  Pos start = t->pos;
  while (true) {
    if (pos_ >= src_.size()) {
      *err = LexError{"Unterminated template literal", start};
      return false;
    }
    char c = src_[pos_];
    if (c == '`') {
      advance(1, 1);
      t->template_tail = true;
      break;
    }
    if (c == '$' && pos_ + 1 < src_.size() && src_[pos_ + 1] == '{') {
      advance(2, 2);
      t->template_tail = false;
      break;
    }
    if (c == '\\') {
      std::uint32_t raw_start = pos_;
      advance(1, 1);
      bool invalid = false;
      bool legacy = false;
      if (!escape(&t->value, true, &legacy, err, &invalid)) return false;
      if (invalid) {
        t->cooked_valid = false;
        // Skip the offending character so scanning can continue.
        if (pos_ < src_.size() && src_[pos_] != '`') {
          std::uint32_t len;
          peek_cp(&len);
          advance(len, 1);
        }
      }
      for (std::uint32_t i = raw_start; i < pos_; ++i) {
        char r = src_[i];
        if (r == '\r') {
          t->raw.push_back('\n');
          if (i + 1 < pos_ && src_[i + 1] == '\n') ++i;
        } else {
          t->raw.push_back(static_cast<unsigned char>(r));
        }
      }
      continue;
    }
    if (c == '\r') {
      ++pos_;
      if (pos_ < src_.size() && src_[pos_] == '\n') ++pos_;
      ++line_;
      col_ = 1;
      t->value.push_back('\n');
      t->raw.push_back('\n');
      continue;
    }
    if (c == '\n') {
      ++pos_;
      ++line_;
      col_ = 1;
      t->value.push_back('\n');
      t->raw.push_back('\n');
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x80) {
      t->value.push_back(static_cast<char16_t>(c));
      t->raw.push_back(static_cast<char16_t>(c));
      advance(1, 1);
    } else {
      char32_t cp = read_cp();
      append_cp(&t->value, cp);
      append_cp(&t->raw, cp);
    }
  }
  t->end = pos_;
  return true;
}

}  // namespace kite::parser
