// Pattern source -> AST -> bytecode (ECMA-262 22.2.1 grammar, with Annex B
// B.1.2 for patterns without u). The parser reads UTF-16 code units, or
// code points under u; every early error is a CompileResult error with the
// offset of the offending code unit.
#include <unicode/uchar.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

#include "regexp/program.h"
#include "util/ucd.h"

namespace kite::regexp {

namespace {

using Ranges = std::vector<std::pair<char32_t, char32_t>>;

void normalize(Ranges& r) {
  std::sort(r.begin(), r.end());
  Ranges out;
  for (const auto& x : r) {
    if (!out.empty() && x.first <= out.back().second + 1) {
      out.back().second = std::max(out.back().second, x.second);
    } else {
      out.push_back(x);
    }
  }
  r = std::move(out);
}

Ranges complement(const Ranges& in) {
  Ranges out;
  char32_t next = 0;
  for (const auto& x : in) {
    if (x.first > next) out.push_back({next, x.first - 1});
    next = x.second + 1;
  }
  if (next <= 0x10FFFF) out.push_back({next, 0x10FFFF});
  return out;
}

const Ranges& digit_ranges() {
  static const Ranges r{{'0', '9'}};
  return r;
}
const Ranges& space_ranges() {
  static const Ranges r{{9, 13},          {0x20, 0x20},     {0xA0, 0xA0},     {0x1680, 0x1680},
                        {0x2000, 0x200A}, {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F},
                        {0x3000, 0x3000}, {0xFEFF, 0xFEFF}};
  return r;
}
Ranges word_ranges(bool unicode_ignore_case) {
  Ranges r{{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};
  if (unicode_ignore_case) {
    r.push_back({0x017F, 0x017F});  // ſ folds to s
    r.push_back({0x212A, 0x212A});  // Kelvin sign folds to k
    normalize(r);
  }
  return r;
}

enum class Kind : std::uint8_t {
  kEmpty,
  kChar,
  kClass,
  kDot,
  kSeq,
  kAlt,
  kGroup,  // capture (index > 0) or not (index 0)
  kLook,
  kBackref,
  kLineStart,
  kLineEnd,
  kWordBoundary,
  kNotWordBoundary,
  kQuant,
};

struct Node {
  Kind kind;
  char32_t c = 0;
  Ranges ranges;
  bool negated = false;
  std::vector<Node*> kids;
  std::uint32_t index = 0;         // group index, backreference target
  std::u16string name;             // named backreference before resolution
  bool behind = false;             // lookbehind
  std::uint32_t min = 0, max = 0;  // quantifier
  bool greedy = true;
  std::uint32_t first_group = 0, end_group = 0;  // groups inside a quantified atom
};

bool is_syntax_char(char32_t c) {
  return c != 0 && std::strchr("^$\\.*+?()[]{}|/", static_cast<int>(c)) != nullptr && c < 128;
}

bool is_id_start(char32_t c) {
  return c == '$' || c == '_' || util::ucd::is_id_start(c);
}
bool is_id_part(char32_t c) {
  return c == '$' || c == 0x200C || c == 0x200D || util::ucd::is_id_continue(c);
}

struct Failure {
  std::string message;
  std::uint32_t offset;
};

class Parser {
 public:
  Parser(std::u16string_view src, std::uint32_t flags)
      : s_(src),
        unicode_((flags & flag::kUnicode) != 0),
        ignore_case_((flags & flag::kIgnoreCase) != 0) {}

  std::vector<std::unique_ptr<Node>> nodes;
  std::vector<std::pair<std::u16string, std::uint32_t>> names;
  std::uint32_t groups = 0;

  Node* parse() {
    prescan();
    Node* n = disjunction(0);
    if (pos_ < s_.size()) {
      if (s_[pos_] == ')') fail("Unmatched ')'");
      fail("Unexpected character");
    }
    resolve(n);
    return n;
  }

 private:
  [[noreturn]] void fail(const char* message) { throw Failure{message, pos_}; }
  [[noreturn]] void fail_at(const char* message, std::uint32_t at) { throw Failure{message, at}; }

  Node* make(Kind k) {
    nodes.push_back(std::make_unique<Node>());
    nodes.back()->kind = k;
    return nodes.back().get();
  }

  bool more() const { return pos_ < s_.size(); }
  char32_t peek() const { return pos_ < s_.size() ? s_[pos_] : 0; }
  char32_t peek_at(std::uint32_t i) const { return pos_ + i < s_.size() ? s_[pos_ + i] : 0; }
  bool eat(char32_t c) {
    if (more() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  // The next character: a code point under u (a surrogate pair joins).
  char32_t next_char() {
    char32_t c = s_[pos_++];
    if (unicode_ && c >= 0xD800 && c <= 0xDBFF && pos_ < s_.size() && s_[pos_] >= 0xDC00 &&
        s_[pos_] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (s_[pos_++] - 0xDC00);
    }
    return c;
  }

  // Counts capturing groups and notes whether any is named (decides how
  // \k and \N parse without u, B.1.2).
  void prescan() {
    bool in_class = false;
    for (std::size_t i = 0; i < s_.size(); ++i) {
      char16_t c = s_[i];
      if (c == '\\') {
        ++i;
      } else if (in_class) {
        if (c == ']') in_class = false;
      } else if (c == '[') {
        in_class = true;
      } else if (c == '(' && i + 1 < s_.size()) {
        if (s_[i + 1] != '?') {
          ++total_groups_;
        } else if (i + 2 < s_.size() && s_[i + 2] == '<' && i + 3 < s_.size() && s_[i + 3] != '=' &&
                   s_[i + 3] != '!') {
          ++total_groups_;
          has_named_ = true;
        }
      }
    }
  }

  Node* disjunction(int depth) {
    if (depth > 500) fail("Regular expression too large");
    Node* first = alternative(depth);
    if (peek() != '|') return first;
    Node* alt = make(Kind::kAlt);
    alt->kids.push_back(first);
    while (eat('|')) alt->kids.push_back(alternative(depth));
    return alt;
  }

  Node* alternative(int depth) {
    Node* seq = make(Kind::kSeq);
    while (more() && peek() != '|' && peek() != ')') {
      Node* t = term(depth);
      if (t != nullptr) seq->kids.push_back(t);
    }
    if (seq->kids.size() == 1) return seq->kids[0];
    if (seq->kids.empty()) return make(Kind::kEmpty);
    return seq;
  }

  // A valid {n}, {n,}, {n,m} at pos_ (which is at '{'): fills min/max and
  // advances; false (pos_ unchanged) when it is not one.
  bool braced_quantifier(std::uint32_t* min, std::uint32_t* max) {
    std::uint32_t save = pos_;
    ++pos_;
    auto number = [&](std::uint32_t* out) {
      if (!(peek() >= '0' && peek() <= '9')) return false;
      std::uint64_t v = 0;
      while (peek() >= '0' && peek() <= '9') {
        v = std::min<std::uint64_t>(v * 10 + (peek() - '0'), kInfinity);
        ++pos_;
      }
      *out = static_cast<std::uint32_t>(v);
      return true;
    };
    if (!number(min)) {
      pos_ = save;
      return false;
    }
    *max = *min;
    if (eat(',')) {
      if (peek() >= '0' && peek() <= '9') {
        number(max);
      } else {
        *max = kInfinity;
      }
    }
    if (!eat('}')) {
      pos_ = save;
      return false;
    }
    return true;
  }

  Node* term(int depth) {
    std::uint32_t start = pos_;
    const std::uint32_t groups_before = groups;
    char32_t c = peek();
    Node* atom = nullptr;
    bool quantifiable = true;
    switch (c) {
      case '^':
        ++pos_;
        return make(Kind::kLineStart);
      case '$':
        ++pos_;
        return make(Kind::kLineEnd);
      case '\\':
        if (peek_at(1) == 'b' || peek_at(1) == 'B') {
          pos_ += 2;
          return make(s_[pos_ - 1] == 'b' ? Kind::kWordBoundary : Kind::kNotWordBoundary);
        }
        atom = atom_escape();
        break;
      case '(':
        atom = group(depth, &quantifiable);
        break;
      case '.':
        ++pos_;
        atom = make(Kind::kDot);
        break;
      case '[':
        atom = char_class();
        break;
      case '*':
      case '+':
      case '?':
        fail("Nothing to repeat");
      case '{': {
        if (unicode_) fail("Lone quantifier brackets");
        std::uint32_t a, b;
        if (braced_quantifier(&a, &b)) fail_at("Nothing to repeat", start);
        ++pos_;
        atom = make(Kind::kChar);
        atom->c = '{';
        break;
      }
      case '}':
      case ']':
        if (unicode_) fail("Lone quantifier brackets");
        ++pos_;
        atom = make(Kind::kChar);
        atom->c = c;
        break;
      default:
        atom = make(Kind::kChar);
        atom->c = next_char();
        break;
    }
    // Quantifier.
    std::uint32_t min = 0, max = 0;
    std::uint32_t qpos = pos_;
    char32_t q = peek();
    if (q == '*') {
      ++pos_;
      min = 0;
      max = kInfinity;
    } else if (q == '+') {
      ++pos_;
      min = 1;
      max = kInfinity;
    } else if (q == '?') {
      ++pos_;
      min = 0;
      max = 1;
    } else if (q == '{') {
      if (!braced_quantifier(&min, &max)) {
        if (unicode_) fail("Incomplete quantifier");
        return atom;
      }
    } else {
      return atom;
    }
    if (!quantifiable) fail_at("Invalid quantifier", qpos);
    if (min > max) fail_at("numbers out of order in {} quantifier", qpos);
    Node* n = make(Kind::kQuant);
    n->kids.push_back(atom);
    n->min = min;
    n->max = max;
    n->greedy = !eat('?');
    n->first_group = groups_before + 1;
    n->end_group = groups + 1;
    return n;
  }

  Node* group(int depth, bool* quantifiable) {
    *quantifiable = true;
    std::uint32_t start = pos_;
    ++pos_;  // (
    if (eat('?')) {
      char32_t k = peek();
      if (k == ':') {
        ++pos_;
        std::uint32_t base = groups + 1;
        Node* n = make(Kind::kGroup);
        n->index = 0;
        Node* inner = sub_disjunction(depth, base);
        n->kids.push_back(inner);
        close(start);
        return n;
      }
      if (k == '=' || k == '!' || (k == '<' && (peek_at(1) == '=' || peek_at(1) == '!'))) {
        bool behind = k == '<';
        if (behind) ++pos_;
        bool negative = peek() == '!';
        ++pos_;
        std::uint32_t base = groups + 1;
        Node* n = make(Kind::kLook);
        n->behind = behind;
        n->negated = negative;
        n->kids.push_back(sub_disjunction(depth, base));
        close(start);
        // Annex B: lookaheads are quantifiable without u.
        *quantifiable = !unicode_ && !behind;
        return n;
      }
      if (k == '<') {
        ++pos_;
        std::u16string name = group_name();
        for (const auto& e : names) {
          if (e.first == name) fail_at("Duplicate capture group name", start);
        }
        std::uint32_t index = ++groups;
        names.push_back({name, index});
        Node* n = make(Kind::kGroup);
        n->index = index;
        n->kids.push_back(sub_disjunction(depth, index));
        close(start);
        return n;
      }
      fail("Invalid group");
    }
    std::uint32_t index = ++groups;
    Node* n = make(Kind::kGroup);
    n->index = index;
    n->kids.push_back(sub_disjunction(depth, index));
    close(start);
    return n;
  }

  Node* sub_disjunction(int depth, std::uint32_t base) {
    (void)base;
    return disjunction(depth + 1);
  }

  void close(std::uint32_t start) {
    if (!eat(')')) fail_at("Unterminated group", start);
  }

  // GroupName after `<`, through `>`.
  std::u16string group_name() {
    std::u16string name;
    bool first = true;
    for (;;) {
      if (!more()) fail("Invalid capture group name");
      std::uint32_t at = pos_;
      char32_t c = s_[pos_++];
      if (c == '>') break;
      if (c == '\\') {
        if (!eat('u')) fail_at("Invalid capture group name", at);
        c = unicode_escape_in_name(at);
      } else if (c >= 0xD800 && c <= 0xDBFF && more() && s_[pos_] >= 0xDC00 && s_[pos_] <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (s_[pos_++] - 0xDC00);
      }
      if (first ? !is_id_start(c) : !is_id_part(c)) fail_at("Invalid capture group name", at);
      first = false;
      append(name, c);
    }
    if (name.empty()) fail("Invalid capture group name");
    return name;
  }

  static void append(std::u16string& out, char32_t c) {
    if (c >= 0x10000) {
      out.push_back(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(c));
    }
  }

  int hex(char32_t c) {
    if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
    if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
    return -1;
  }

  // After `\u` in a group name: \u{...} or \uXXXX (a surrogate pair of two
  // \u escapes joins), in any mode.
  char32_t unicode_escape_in_name(std::uint32_t at) {
    char32_t c;
    if (!unicode_escape_body(&c, /*braces=*/true)) fail_at("Invalid Unicode escape", at);
    return c;
  }

  // After `\u`: XXXX (joining a following \uXXXX low surrogate when the
  // first is high and u or `braces` holds), or {X...} when allowed.
  bool unicode_escape_body(char32_t* out, bool braces) {
    if (peek() == '{' && braces) {
      std::uint32_t save = pos_;
      ++pos_;
      std::uint32_t v = 0;
      int digits = 0;
      while (hex(peek()) >= 0) {
        v = v * 16 + static_cast<std::uint32_t>(hex(peek()));
        if (v > 0x10FFFF) return false;
        ++pos_;
        ++digits;
      }
      if (digits == 0 || !eat('}')) {
        pos_ = save;
        return false;
      }
      *out = v;
      return true;
    }
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      int h = hex(peek_at(static_cast<std::uint32_t>(i)));
      if (h < 0) return false;
      v = v * 16 + static_cast<std::uint32_t>(h);
    }
    pos_ += 4;
    if (v >= 0xD800 && v <= 0xDBFF && (unicode_ || braces) && peek() == '\\' && peek_at(1) == 'u') {
      std::uint32_t lo = 0;
      bool ok = true;
      for (int i = 0; i < 4; ++i) {
        int h = hex(peek_at(2 + static_cast<std::uint32_t>(i)));
        if (h < 0) {
          ok = false;
          break;
        }
        lo = lo * 16 + static_cast<std::uint32_t>(h);
      }
      if (ok && lo >= 0xDC00 && lo <= 0xDFFF) {
        pos_ += 6;
        v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
      }
    }
    *out = v;
    return true;
  }

  Node* class_node(const Ranges& r, bool negated) {
    Node* n = make(Kind::kClass);
    n->ranges = r;
    n->negated = negated;
    return n;
  }

  // After the backslash of an AtomEscape.
  Node* atom_escape() {
    std::uint32_t start = pos_;
    ++pos_;  // backslash
    if (!more()) fail("\\ at end of pattern");
    char32_t c = peek();
    // Backreferences.
    if (c >= '1' && c <= '9') {
      std::uint32_t save = pos_;
      std::uint64_t v = 0;
      while (peek() >= '0' && peek() <= '9') {
        v = std::min<std::uint64_t>(v * 10 + (peek() - '0'), kInfinity);
        ++pos_;
      }
      if (unicode_ || v <= total_groups_) {
        if (v > total_groups_) fail_at("Invalid escape", start);
        Node* n = make(Kind::kBackref);
        n->index = static_cast<std::uint32_t>(v);
        return n;
      }
      pos_ = save;
      // Annex B: \8 \9 are identity escapes, others legacy octal.
      if (c >= '8') {
        ++pos_;
        Node* n = make(Kind::kChar);
        n->c = c;
        return n;
      }
      Node* n = make(Kind::kChar);
      n->c = legacy_octal();
      return n;
    }
    if (c == 'k') {
      if (unicode_ || has_named_) {
        ++pos_;
        if (!eat('<')) fail_at("Invalid named reference", start);
        std::u16string name = group_name();
        Node* n = make(Kind::kBackref);
        n->name = std::move(name);
        n->index = 0;
        backref_offsets_.push_back({n, start});
        return n;
      }
      ++pos_;
      Node* n = make(Kind::kChar);
      n->c = 'k';
      return n;
    }
    Ranges r;
    bool negated = false;
    if (class_escape_set(&r, &negated)) return class_node(r, negated);
    Node* n = make(Kind::kChar);
    n->c = character_escape(start, /*in_class=*/false);
    return n;
  }

  char32_t legacy_octal() {
    // Up to three octal digits, value <= 0377.
    std::uint32_t v = static_cast<std::uint32_t>(peek() - '0');
    ++pos_;
    if (peek() >= '0' && peek() <= '7') {
      v = v * 8 + static_cast<std::uint32_t>(peek() - '0');
      ++pos_;
      if (v < 32 && peek() >= '0' && peek() <= '7') {
        v = v * 8 + static_cast<std::uint32_t>(peek() - '0');
        ++pos_;
      }
    }
    return v;
  }

  // \d \D \s \S \w \W \p{..} \P{..} at pos_ (the letter): true and ranges.
  bool class_escape_set(Ranges* r, bool* negated) {
    char32_t c = peek();
    bool ui = unicode_ && ignore_case_;
    switch (c) {
      case 'd':
        *r = digit_ranges();
        break;
      case 'D':
        *r = complement(digit_ranges());
        break;
      case 's':
        *r = space_ranges();
        break;
      case 'S':
        *r = complement(space_ranges());
        break;
      case 'w':
        *r = word_ranges(ui);
        break;
      case 'W':
        *r = complement(word_ranges(ui));
        break;
      case 'p':
      case 'P': {
        if (!unicode_) return false;
        std::uint32_t start = pos_ - 1;
        ++pos_;
        if (!eat('{')) fail_at("Invalid property name", start);
        std::string name, value;
        bool has_value = false;
        while (more() && peek() != '}') {
          char32_t ch = s_[pos_++];
          if (ch >= 128) fail_at("Invalid property name", start);
          if (ch == '=' && !has_value) {
            has_value = true;
            continue;
          }
          (has_value ? value : name) += static_cast<char>(ch);
        }
        if (!eat('}')) fail_at("Invalid property name", start);
        if (!property_ranges(name, value, has_value, r)) fail_at("Invalid property name", start);
        if (c == 'P') *r = complement(*r);
        *negated = false;
        return true;
      }
      default:
        return false;
    }
    ++pos_;
    *negated = false;
    return true;
  }

  // UnicodeMatchProperty / UnicodeMatchPropertyValue (22.2.2.9): exact
  // names from the UCD tables (util/ucd.h).
  static bool property_ranges(const std::string& name, const std::string& value, bool has_value,
                              Ranges* r) {
    util::ucd::CodePointSet set;
    bool ok = false;
    if (!has_value) {
      ok = util::ucd::binary_property(name, &set) || util::ucd::general_category(name, &set);
    } else if (name == "General_Category" || name == "gc") {
      ok = util::ucd::general_category(value, &set);
    } else if (name == "Script" || name == "sc") {
      ok = util::ucd::script(value, &set);
    } else if (name == "Script_Extensions" || name == "scx") {
      ok = util::ucd::script_extensions(value, &set);
    }
    if (!ok) return false;
    r->clear();
    for (const util::ucd::CodePointRange& range : set) r->push_back({range.first, range.last});
    return true;
  }

  // CharacterEscape (and Annex B's identity escapes) after the backslash;
  // pos_ is at the escaped character.
  char32_t character_escape(std::uint32_t start, bool in_class) {
    char32_t c = s_[pos_];
    switch (c) {
      case 't':
        ++pos_;
        return '\t';
      case 'n':
        ++pos_;
        return '\n';
      case 'v':
        ++pos_;
        return '\v';
      case 'f':
        ++pos_;
        return '\f';
      case 'r':
        ++pos_;
        return '\r';
      case 'c': {
        char32_t l = peek_at(1);
        if ((l >= 'a' && l <= 'z') || (l >= 'A' && l <= 'Z')) {
          pos_ += 2;
          return l % 32;
        }
        if (!unicode_ && in_class && ((l >= '0' && l <= '9') || l == '_')) {
          pos_ += 2;
          return l % 32;
        }
        if (unicode_) fail_at("Invalid unicode escape", start);
        // Annex B: `\c` is a backslash; the `c` is read next.
        return '\\';
      }
      case '0':
        if (!(peek_at(1) >= '0' && peek_at(1) <= '9')) {
          ++pos_;
          return 0;
        }
        if (unicode_) fail_at("Invalid decimal escape", start);
        return legacy_octal();
      case 'x': {
        int h1 = hex(peek_at(1)), h2 = hex(peek_at(2));
        if (h1 >= 0 && h2 >= 0) {
          pos_ += 3;
          return static_cast<char32_t>(h1 * 16 + h2);
        }
        if (unicode_) fail_at("Invalid escape", start);
        ++pos_;
        return 'x';
      }
      case 'u': {
        ++pos_;
        char32_t v;
        if (unicode_escape_body(&v, unicode_)) return v;
        if (unicode_) fail_at("Invalid Unicode escape", start);
        return 'u';
      }
      default:
        break;
    }
    if (unicode_) {
      if (is_syntax_char(c) || c == '/' || (in_class && c == '-')) {
        ++pos_;
        return c;
      }
      fail_at("Invalid escape", start);
    }
    if (c >= '1' && c <= '9' && in_class) {
      if (c >= '8') {
        ++pos_;
        return c;
      }
      return legacy_octal();
    }
    // Annex B identity escape: anything but `c` (handled) and, with named
    // groups, `k` (handled by the caller outside classes).
    if (has_named_ && c == 'k') fail_at("Invalid escape", start);
    return next_char();
  }

  // A ClassAtom: a single character (returns true, *c) or a class escape
  // set (returns false, *set).
  bool class_atom(char32_t* c, Ranges* set) {
    std::uint32_t start = pos_;
    if (peek() != '\\') {
      *c = next_char();
      return true;
    }
    ++pos_;
    if (!more()) fail("\\ at end of pattern");
    char32_t e = peek();
    if (e == 'b') {
      ++pos_;
      *c = 8;
      return true;
    }
    if (unicode_ && e == '-') {
      ++pos_;
      *c = '-';
      return true;
    }
    bool negated = false;
    if (class_escape_set(set, &negated)) return false;
    if (e == 'k' && !unicode_) {
      ++pos_;
      *c = 'k';
      return true;
    }
    *c = character_escape(start, /*in_class=*/true);
    return true;
  }

  Node* char_class() {
    std::uint32_t start = pos_;
    ++pos_;  // [
    bool negated = eat('^');
    Ranges r;
    for (;;) {
      if (!more()) fail_at("Unterminated character class", start);
      if (peek() == ']') {
        ++pos_;
        break;
      }
      std::uint32_t atom_at = pos_;
      char32_t a = 0;
      Ranges aset;
      bool a_char = class_atom(&a, &aset);
      if (peek() == '-' && peek_at(1) != ']' && peek_at(1) != 0) {
        ++pos_;  // -
        char32_t b = 0;
        Ranges bset;
        bool b_char = class_atom(&b, &bset);
        if (!a_char || !b_char) {
          if (unicode_) fail_at("Invalid character class", atom_at);
          // Annex B: a class escape in a range is the set and a literal `-`.
          if (a_char) r.push_back({a, a});
          r.insert(r.end(), aset.begin(), aset.end());
          r.push_back({'-', '-'});
          if (b_char) r.push_back({b, b});
          r.insert(r.end(), bset.begin(), bset.end());
          continue;
        }
        if (a > b) fail_at("Range out of order in character class", atom_at);
        r.push_back({a, b});
        continue;
      }
      if (a_char) {
        r.push_back({a, a});
      } else {
        r.insert(r.end(), aset.begin(), aset.end());
      }
    }
    normalize(r);
    return class_node(r, negated);
  }

  void resolve(Node* n) {
    (void)n;
    for (const auto& [node, at] : backref_offsets_) {
      bool found = false;
      for (const auto& e : names) {
        if (e.first == node->name) {
          node->index = e.second;
          found = true;
        }
      }
      if (!found) fail_at("Invalid named capture referenced", at);
    }
  }

  std::u16string_view s_;
  std::uint32_t pos_ = 0;
  bool unicode_, ignore_case_;
  std::uint32_t total_groups_ = 0;
  bool has_named_ = false;
  std::vector<std::pair<Node*, std::uint32_t>> backref_offsets_;
};

// ---- code generation ----

class Generator {
 public:
  Generator(Program& p, std::uint32_t flags)
      : p_(p),
        unicode_((flags & flag::kUnicode) != 0),
        ignore_case_((flags & flag::kIgnoreCase) != 0),
        dot_all_((flags & flag::kDotAll) != 0) {}

  void emit_node(const Node* n, bool backward) {
    std::vector<std::uint32_t>& c = p_.code;
    const std::uint32_t dir = backward ? kBackward : 0;
    switch (n->kind) {
      case Kind::kEmpty:
        return;
      case Kind::kChar:
      case Kind::kClass:
      case Kind::kDot:
        emit_single(n, backward);
        return;
      case Kind::kSeq:
        if (backward) {
          for (auto it = n->kids.rbegin(); it != n->kids.rend(); ++it) emit_node(*it, true);
        } else {
          for (const Node* k : n->kids) emit_node(k, false);
        }
        return;
      case Kind::kAlt: {
        // Split L1, next; L1: alt0; Jump end; next: Split L2, ... last
        std::vector<std::size_t> jumps;
        for (std::size_t i = 0; i < n->kids.size(); ++i) {
          if (i + 1 < n->kids.size()) {
            std::size_t split = c.size();
            c.insert(c.end(), {kSplit, 0, 0});
            c[split + 1] = static_cast<std::uint32_t>(c.size());
            emit_node(n->kids[i], backward);
            jumps.push_back(c.size());
            c.insert(c.end(), {kJump, 0});
            c[split + 2] = static_cast<std::uint32_t>(c.size());
          } else {
            emit_node(n->kids[i], backward);
          }
        }
        for (std::size_t j : jumps) c[j + 1] = static_cast<std::uint32_t>(c.size());
        return;
      }
      case Kind::kGroup:
        if (n->index == 0) {
          emit_node(n->kids[0], backward);
          return;
        }
        c.insert(c.end(), {kSave, 2 * n->index + (backward ? 1 : 0)});
        emit_node(n->kids[0], backward);
        c.insert(c.end(), {kSave, 2 * n->index + (backward ? 0 : 1)});
        return;
      case Kind::kLook: {
        std::size_t at = c.size();
        c.insert(c.end(), {kLook, (n->negated ? 1u : 0u) | (n->behind ? 2u : 0u), 0});
        emit_node(n->kids[0], n->behind);
        c.push_back(kLookSucceed);
        c[at + 2] = static_cast<std::uint32_t>(c.size());
        return;
      }
      case Kind::kBackref:
        c.insert(c.end(), {kBackref | dir, n->index});
        return;
      case Kind::kLineStart:
        c.push_back(kLineStart);
        return;
      case Kind::kLineEnd:
        c.push_back(kLineEnd);
        return;
      case Kind::kWordBoundary:
        c.push_back(kWordBoundary);
        return;
      case Kind::kNotWordBoundary:
        c.push_back(kNotWordBoundary);
        return;
      case Kind::kQuant:
        emit_quant(n, backward);
        return;
    }
  }

 private:
  static bool is_single(const Node* n) {
    return n->kind == Kind::kChar || n->kind == Kind::kClass || n->kind == Kind::kDot;
  }

  void emit_single(const Node* n, bool backward) {
    std::vector<std::uint32_t>& c = p_.code;
    const std::uint32_t dir = backward ? kBackward : 0;
    if (n->kind == Kind::kDot) {
      c.push_back((dot_all_ ? kAnyAll : kAny) | dir);
      return;
    }
    if (n->kind == Kind::kChar) {
      if (ignore_case_) {
        char32_t canon = canonicalize(n->c, unicode_);
        // A character with no other case needs no folding at match time.
        if (!has_case_variants(n->c)) {
          c.insert(c.end(), {kChar | dir, n->c});
        } else {
          c.insert(c.end(), {kCharFold | dir, canon});
        }
      } else {
        c.insert(c.end(), {kChar | dir, n->c});
      }
      return;
    }
    c.insert(c.end(), {kClass | dir, add_class(n->ranges, n->negated)});
  }

  bool has_case_variants(char32_t ch) const {
    if (ch < 128) {
      return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }
    return true;
  }

  std::uint32_t add_class(Ranges r, bool negated) {
    if (ignore_case_) r = fold_ranges(r);
    CharClass k;
    k.ranges = std::move(r);
    k.negated = negated;
    for (const auto& [a, b] : k.ranges) {
      for (char32_t x = a; x <= b && x < 256; ++x) k.latin1[x >> 6] |= std::uint64_t{1} << (x & 63);
    }
    p_.classes.push_back(std::move(k));
    return static_cast<std::uint32_t>(p_.classes.size() - 1);
  }

  // The set of canonicalized members: the matcher tests canonicalize(ch)
  // against it.
  Ranges fold_ranges(const Ranges& r) const {
    Ranges out;
    const char32_t limit = unicode_ ? 0x10FFFF : 0xFFFF;
    for (const auto& [a, b] : r) {
      char32_t x = a;
      // Nothing above U+1FFFF has another case: those members stay as they are.
      for (; x <= b && x <= limit && x < 0x20000; ++x) {
        char32_t y = canonicalize(x, unicode_);
        if (!out.empty() && out.back().second + 1 == y) {
          ++out.back().second;
        } else {
          out.push_back({y, y});
        }
      }
      if (x <= b && x <= limit) out.push_back({x, std::min(b, limit)});
    }
    normalize(out);
    return out;
  }

  void emit_quant(const Node* n, bool backward) {
    std::vector<std::uint32_t>& c = p_.code;
    if (n->max == 0) return;
    const Node* atom = n->kids[0];
    if (is_single(atom)) {
      std::size_t at = c.size();
      c.insert(c.end(),
               {kRepeat | (backward ? kBackward : 0), n->min, n->max, n->greedy ? 1u : 0u, 0});
      emit_single(atom, backward);
      c[at + 4] = static_cast<std::uint32_t>(c.size() - (at + 5));
      return;
    }
    if (n->min == 1 && n->max == 1) {
      emit_node(atom, backward);
      return;
    }
    std::uint32_t k = p_.loop_count++;
    c.insert(c.end(), {kLoopInit, k});
    std::size_t top = c.size();
    c.insert(c.end(), {kLoop, k, n->min, n->max, n->greedy ? 1u : 0u, 0});
    c.insert(c.end(), {kLoopBody, k, 2 * n->first_group, 2 * n->end_group});
    emit_node(atom, backward);
    c.insert(c.end(), {kLoopEnd, k, n->min, static_cast<std::uint32_t>(top)});
    c[top + 5] = static_cast<std::uint32_t>(c.size());
  }

  Program& p_;
  bool unicode_, ignore_case_, dot_all_;
};

// First-character filter: the code units < 256 a match can start with, and
// whether a wider one can. False when the pattern can match empty or starts
// with something the analysis does not follow.
struct First {
  std::array<std::uint64_t, 4> bits{};
  bool wide = false;
  void add(char32_t c) {
    if (c < 256) {
      bits[c >> 6] |= std::uint64_t{1} << (c & 63);
    } else {
      wide = true;
    }
  }
};

// Returns true when every match of n consumes a first character covered by
// `out`; false when n may match empty (then the caller continues with the
// next element) or is not analysed (`give_up`).
bool first_chars(const Node* n, bool ignore_case, bool unicode, First& out, bool& give_up) {
  switch (n->kind) {
    case Kind::kChar:
      if (ignore_case) {
        char32_t c = n->c;
        out.add(c);
        if (c < 128) {
          if (c >= 'a' && c <= 'z') out.add(c - 32);
          if (c >= 'A' && c <= 'Z') out.add(c + 32);
        } else {
          give_up = true;
        }
        if (c == 's' || c == 'S' || c == 'k' || c == 'K') out.wide = true;
      } else {
        out.add(n->c >= 0x10000 ? 0xD800 : n->c);
      }
      return true;
    case Kind::kClass: {
      if (ignore_case || n->negated) {
        give_up = true;
        return true;
      }
      for (const auto& [a, b] : n->ranges) {
        for (char32_t x = a; x <= b && x < 256; ++x) out.add(x);
        if (b >= 256) out.wide = true;
      }
      return true;
    }
    case Kind::kDot:
      give_up = true;
      return true;
    case Kind::kSeq:
      for (const Node* k : n->kids) {
        if (first_chars(k, ignore_case, unicode, out, give_up)) return true;
        if (give_up) return true;
      }
      return false;
    case Kind::kAlt: {
      bool all = true;
      for (const Node* k : n->kids) {
        if (!first_chars(k, ignore_case, unicode, out, give_up)) all = false;
        if (give_up) return true;
      }
      return all;
    }
    case Kind::kGroup:
      return first_chars(n->kids[0], ignore_case, unicode, out, give_up);
    case Kind::kQuant:
      if (n->min == 0) {
        first_chars(n->kids[0], ignore_case, unicode, out, give_up);
        return false;
      }
      return first_chars(n->kids[0], ignore_case, unicode, out, give_up);
    case Kind::kEmpty:
    case Kind::kLineStart:
    case Kind::kLineEnd:
    case Kind::kWordBoundary:
    case Kind::kNotWordBoundary:
      return false;
    case Kind::kLook:
    case Kind::kBackref:
      give_up = true;
      return true;
  }
  give_up = true;
  return true;
}

}  // namespace

char32_t canonicalize(char32_t c, bool unicode) {
  if (c < 128) {
    if (unicode) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return (c >= 'a' && c <= 'z') ? c - 32 : c;
  }
  if (unicode) {
    // Simple case folding (CaseFolding.txt, statuses C and S). Unicode 15.1
    // added three S mappings that ICU leaves out of u_foldCase for stability.
    if (c == 0x1FD3) return 0x0390;
    if (c == 0x1FE3) return 0x03B0;
    if (c == 0xFB05) return 0xFB06;
    return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
  }
  if (c > 0xFFFF) return c;
  // toUppercase must be a single code unit; ICU's full mapping of the few
  // characters whose uppercase is longer (ß, ŉ, ǰ, ...) differs from the
  // simple one, so those keep their own value.
  UChar32 u = u_toupper(static_cast<UChar32>(c));
  if (u > 0xFFFF) return c;
  if (u < 128) return c;
  static const char16_t kExpanding[] = {0x00DF, 0x0149, 0x01F0, 0x0390, 0x03B0, 0x0587,
                                        0x1E96, 0x1E97, 0x1E98, 0x1E99, 0x1E9A, 0xFB00,
                                        0xFB01, 0xFB02, 0xFB03, 0xFB04, 0xFB05, 0xFB06,
                                        0xFB13, 0xFB14, 0xFB15, 0xFB16, 0xFB17};
  for (char16_t e : kExpanding) {
    if (c == e) return c;
  }
  return static_cast<char32_t>(u);
}

bool parse_flags(std::u16string_view text, std::uint32_t* flags) {
  std::uint32_t f = 0;
  for (char16_t c : text) {
    std::uint32_t bit = 0;
    switch (c) {
      case 'd':
        bit = flag::kHasIndices;
        break;
      case 'g':
        bit = flag::kGlobal;
        break;
      case 'i':
        bit = flag::kIgnoreCase;
        break;
      case 'm':
        bit = flag::kMultiline;
        break;
      case 's':
        bit = flag::kDotAll;
        break;
      case 'u':
        bit = flag::kUnicode;
        break;
      case 'v':
        bit = flag::kUnicodeSets;
        break;
      case 'y':
        bit = flag::kSticky;
        break;
      default:
        return false;
    }
    if (f & bit) return false;
    f |= bit;
  }
  if ((f & flag::kUnicode) && (f & flag::kUnicodeSets)) return false;
  *flags = f;
  return true;
}

CompileResult compile(std::u16string_view pattern, std::uint32_t flags) {
  CompileResult result;
  if (flags & flag::kUnicodeSets) {
    result.error = "the v flag (unicodeSets) is not supported yet";
    return result;
  }
  auto program = std::make_shared<Program>();
  program->flags = flags;
  try {
    Parser parser(pattern, flags);
    Node* root = parser.parse();
    program->capture_count = parser.groups + 1;
    program->names = parser.names;
    Generator gen(*program, flags);
    program->code.insert(program->code.end(), {kSave, 0});
    gen.emit_node(root, false);
    program->code.insert(program->code.end(), {kSave, 1, kMatch});
    // ^ first (without m): only the start position can match.
    const Node* first = root;
    while (first->kind == Kind::kSeq && !first->kids.empty()) first = first->kids[0];
    program->anchored = first->kind == Kind::kLineStart && (flags & flag::kMultiline) == 0;
    First f;
    bool give_up = false;
    bool consumes = first_chars(root, (flags & flag::kIgnoreCase) != 0,
                                (flags & flag::kUnicode) != 0, f, give_up);
    if (consumes && !give_up) {
      program->filter = true;
      program->filter_wide = f.wide;
      program->first = f.bits;
    }
  } catch (const Failure& e) {
    result.error = e.message;
    result.error_offset = e.offset;
    return result;
  }
  result.program = std::move(program);
  return result;
}

std::uint32_t capture_count(const Program& program) {
  return program.capture_count;
}
std::uint32_t program_flags(const Program& program) {
  return program.flags;
}
const std::vector<std::pair<std::u16string, std::uint32_t>>& group_names(const Program& program) {
  return program.names;
}

}  // namespace kite::regexp
