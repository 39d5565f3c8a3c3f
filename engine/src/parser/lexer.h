// Lexer: UTF-8 source -> tokens (ECMA-262 12). The parser drives it one
// token at a time and tells it when a `}` continues a template literal.
// A `/` is lexed as division; where an expression starts, the parser asks
// for the token again as a regular expression literal (next_regexp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "parser/ast.h"

namespace kite::parser {

enum class Tok : std::uint8_t {
  kEof,
  kIdentifier,  // includes keywords; see Token::keyword
  kNumber,
  kString,
  kTemplate,  // a template chunk: see Token::template_tail
  kBigInt,
  kPrivateName,
  // punctuators
  kLBrace,
  kRBrace,
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kDot,
  kEllipsis,
  kSemicolon,
  kComma,
  kLt,
  kGt,
  kLe,
  kGe,
  kEq,
  kNe,
  kStrictEq,
  kStrictNe,
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kPercent,
  kStarStar,
  kInc,
  kDec,
  kShl,
  kShr,
  kUShr,
  kAmp,
  kPipe,
  kCaret,
  kBang,
  kTilde,
  kAndAnd,
  kOrOr,
  kQuestionQuestion,
  kQuestion,
  kQuestionDot,
  kColon,
  kAssign,
  kPlusAssign,
  kMinusAssign,
  kStarAssign,
  kSlashAssign,
  kPercentAssign,
  kStarStarAssign,
  kShlAssign,
  kShrAssign,
  kUShrAssign,
  kAmpAssign,
  kPipeAssign,
  kCaretAssign,
  kAndAndAssign,
  kOrOrAssign,
  kQuestionQuestionAssign,
  kArrow,
  kHash,
  kRegExp,  // value = body, raw = flags
};

struct Token {
  Tok type = Tok::kEof;
  Pos pos;
  std::uint32_t end = 0;        // byte offset past the token
  bool newline_before = false;  // a line terminator precedes it (ASI)
  bool escaped = false;         // identifier spelled with \u escapes
  std::u16string value;         // identifier name, string value, template cooked value
  std::u16string raw;           // template raw value
  bool cooked_valid = true;     // template: false if an escape was invalid
  bool template_tail = false;   // template: ends with ` (else with ${)
  bool legacy_octal = false;    // number like 017 or string with \1
  double number = 0;
  int radix = 10;  // BigInt literals: the radix of `value`'s digits
};

struct LexError {
  std::string message;
  Pos pos;
};

class Lexer {
 public:
  explicit Lexer(std::string_view source);
  // The Module goal has no HTML-like comments (Annex B.1.1 is for scripts).
  void set_module() { module_ = true; }

  // Scans the next token into *out. Returns false and fills *err on error.
  bool next(Token* out, LexError* err);
  // After the parser has consumed the `}` that closes `${ ... }`, scans the
  // rest of the template (from just after the `}`).
  bool next_template_part(Token* out, LexError* err);
  // Rescans the `/` or `/=` token *t as a regular expression literal
  // (ECMA-262 12.9.5): body into t->value, flags into t->raw.
  bool next_regexp(Token* t, LexError* err);
  // Position at the current scan point.
  Pos here() const { return Pos{line_, col_, pos_}; }
  // Rewinds to a saved state (for arrow-function lookahead).
  struct State {
    std::uint32_t pos, line, col;
  };
  State save() const { return State{pos_, line_, col_}; }
  void restore(State s) {
    pos_ = s.pos;
    line_ = s.line;
    col_ = s.col;
  }

 private:
  bool skip_space(bool* newline, LexError* err);
  bool scan_number(Token* t, LexError* err);
  bool scan_string(Token* t, char quote, LexError* err);
  bool scan_template(Token* t, LexError* err);
  bool scan_identifier(Token* t, LexError* err);
  // Reads one code point (UTF-8), advancing; returns U+FFFD on invalid bytes.
  char32_t read_cp();
  char32_t peek_cp(std::uint32_t* len) const;
  void advance(std::uint32_t bytes, std::uint32_t units);
  bool escape(std::u16string* out, bool in_template, bool* legacy_octal, LexError* err,
              bool* invalid);

  std::string_view src_;
  bool module_ = false;
  std::uint32_t pos_ = 0;
  std::uint32_t line_ = 1;
  std::uint32_t col_ = 1;
};

}  // namespace kite::parser
