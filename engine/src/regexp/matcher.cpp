// The backtracking matcher (ECMA-262 22.2.2 semantics) over Program
// bytecode. Choice points and the undo records of captures and loop
// registers live on one explicit stack (MatchState::Impl), so the depth of
// backtracking is bounded by bytes, not by the C++ stack; only lookarounds
// recurse, as deep as they nest in the pattern.
#include <cstring>
#include <memory>

#include "regexp/program.h"

namespace kite::regexp {

struct MatchState::Impl {
  enum Kind : std::uint32_t { kChoice, kUndoCapture, kUndoRegister, kGreedy, kLazy };
  struct Entry {
    Kind kind;
    std::uint32_t pc;  // resume point, or the slot / register to restore
    std::int32_t a;    // position, or the old value
    std::int32_t b;
  };
  std::vector<Entry> stack;
  std::vector<std::int32_t> regs;
};

MatchState::MatchState() : impl(std::make_unique<Impl>()) {}
MatchState::~MatchState() = default;

namespace {

struct Abort {
  Status status;
};

inline bool is_high(char32_t c) {
  return c >= 0xD800 && c <= 0xDBFF;
}
inline bool is_low(char32_t c) {
  return c >= 0xDC00 && c <= 0xDFFF;
}
inline bool is_line_terminator(char32_t c) {
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

template <typename Ch>
class Matcher {
 public:
  using Impl = MatchState::Impl;
  using Entry = Impl::Entry;

  Matcher(const Program& p, const Ch* s, std::int32_t len, std::int32_t* caps, MatchState& st)
      : p_(p),
        code_(p.code.data()),
        s_(s),
        len_(len),
        caps_(caps),
        st_(st),
        stack_(st.impl->stack),
        regs_(st.impl->regs),
        unicode_((p.flags & flag::kUnicode) != 0),
        ignore_case_((p.flags & flag::kIgnoreCase) != 0),
        multiline_((p.flags & flag::kMultiline) != 0),
        max_entries_(st.max_stack_bytes / sizeof(Entry)) {
    regs_.assign(std::size_t{2} * p.loop_count, 0);
  }

  Status exec(std::int32_t start) {
    const bool sticky = (p_.flags & flag::kSticky) != 0;
    const std::int32_t ncap = static_cast<std::int32_t>(2 * p_.capture_count);
    try {
      for (std::int32_t at = start; at <= len_;) {
        if (!sticky && !p_.anchored && p_.filter) {
          at = skip_to_candidate(at);
          if (at > len_) break;
        }
        for (std::int32_t i = 0; i < ncap; ++i) caps_[i] = -1;
        stack_.clear();
        if (run(0, at, 0)) return Status::kMatch;
        if (sticky || p_.anchored) break;
        at = next_index(at);
      }
    } catch (const Abort& a) {
      stack_.clear();
      return a.status;
    }
    return Status::kNoMatch;
  }

 private:
  std::int32_t next_index(std::int32_t at) const {
    if (unicode_ && at + 1 < len_ && is_high(s_[at]) && is_low(s_[at + 1])) return at + 2;
    return at + 1;
  }

  bool in_filter(char32_t c) const {
    if (c >= 256) return p_.filter_wide;
    return ((p_.first[c >> 6] >> (c & 63)) & 1) != 0;
  }

  // The first position >= at where a match can start (len_ + 1 if none).
  std::int32_t skip_to_candidate(std::int32_t at) const {
    if constexpr (sizeof(Ch) == 1) {
      // One possible first byte: memchr.
      int count = 0;
      int only = -1;
      for (int w = 0; w < 4 && count < 2; ++w) {
        std::uint64_t bits = p_.first[w];
        while (bits != 0 && count < 2) {
          only = w * 64 + __builtin_ctzll(bits);
          bits &= bits - 1;
          ++count;
        }
      }
      if (count == 1) {
        if (at >= len_) return len_ + 1;
        const void* hit = std::memchr(s_ + at, only, static_cast<std::size_t>(len_ - at));
        return hit == nullptr ? len_ + 1
                              : static_cast<std::int32_t>(static_cast<const Ch*>(hit) - s_);
      }
    }
    while (at < len_ && !in_filter(s_[at])) ++at;
    return at < len_ ? at : len_ + 1;
  }

  void push(Impl::Kind kind, std::uint32_t pc, std::int32_t a, std::int32_t b = 0) {
    if (stack_.size() >= max_entries_) throw Abort{Status::kTooDeep};
    stack_.push_back(Entry{kind, pc, a, b});
  }

  void tick() {
    if ((++steps_ & 4095) == 0 && st_.poll != nullptr && st_.poll(st_.poll_data)) {
      throw Abort{Status::kInterrupted};
    }
  }

  // Reads the character at pos in the direction; false at the edge.
  bool read(std::int32_t pos, bool backward, char32_t* c, std::int32_t* next) const {
    if (!backward) {
      if (pos >= len_) return false;
      char32_t x = s_[pos];
      if (unicode_ && is_high(x) && pos + 1 < len_ && is_low(s_[pos + 1])) {
        *c = 0x10000 + ((x - 0xD800) << 10) + (s_[pos + 1] - 0xDC00);
        *next = pos + 2;
        return true;
      }
      *c = x;
      *next = pos + 1;
      return true;
    }
    if (pos <= 0) return false;
    char32_t x = s_[pos - 1];
    if (unicode_ && is_low(x) && pos - 2 >= 0 && is_high(s_[pos - 2])) {
      *c = 0x10000 + ((s_[pos - 2] - 0xD800) << 10) + (x - 0xDC00);
      *next = pos - 2;
      return true;
    }
    *c = x;
    *next = pos - 1;
    return true;
  }

  // A one-character instruction at `pc` against the character at pos.
  bool match_one(std::uint32_t pc, std::int32_t pos, std::int32_t* next) const {
    const std::uint32_t w = code_[pc];
    const bool backward = (w & kBackward) != 0;
    char32_t c;
    if (!read(pos, backward, &c, next)) return false;
    switch (w & 0xFF) {
      case kChar:
        return c == code_[pc + 1];
      case kCharFold:
        return canonicalize(c, unicode_) == code_[pc + 1];
      case kClass: {
        const CharClass& k = p_.classes[code_[pc + 1]];
        bool in = k.contains(ignore_case_ ? canonicalize(c, unicode_) : c);
        return in != k.negated;
      }
      case kAny:
        return !is_line_terminator(c);
      case kAnyAll:
        return true;
      default:
        return false;
    }
  }

  static std::uint32_t single_length(std::uint32_t op) {
    return op == kAny || op == kAnyAll ? 1 : 2;
  }

  bool is_word(std::int32_t i) const {
    if (i < 0 || i >= len_) return false;
    char32_t c = s_[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
      return true;
    }
    return unicode_ && ignore_case_ && (c == 0x017F || c == 0x212A);
  }

  // Undoes entries down to `base`.
  void unwind(std::size_t base) {
    while (stack_.size() > base) {
      const Entry& e = stack_.back();
      if (e.kind == Impl::kUndoCapture) caps_[e.pc] = e.a;
      if (e.kind == Impl::kUndoRegister) regs_[e.pc] = e.a;
      stack_.pop_back();
    }
  }

  // Runs from pc at pos; true when kMatch or kLookSucceed is reached (the
  // stack above base then holds the state to backtrack into), false when
  // every alternative failed (the stack is back at base).
  bool run(std::uint32_t pc, std::int32_t pos, std::size_t base) {
    for (;;) {
      tick();
      const std::uint32_t w = code_[pc];
      const bool backward = (w & kBackward) != 0;
      bool ok = true;
      switch (w & 0xFF) {
        case kChar:
        case kCharFold:
        case kClass:
        case kAny:
        case kAnyAll: {
          std::int32_t next;
          ok = match_one(pc, pos, &next);
          if (ok) {
            pos = next;
            pc += single_length(w & 0xFF);
          }
          break;
        }
        case kLineStart:
          ok = pos == 0 || (multiline_ && is_line_terminator(s_[pos - 1]));
          pc += 1;
          break;
        case kLineEnd:
          ok = pos == len_ || (multiline_ && is_line_terminator(s_[pos]));
          pc += 1;
          break;
        case kWordBoundary:
          ok = is_word(pos - 1) != is_word(pos);
          pc += 1;
          break;
        case kNotWordBoundary:
          ok = is_word(pos - 1) == is_word(pos);
          pc += 1;
          break;
        case kSplit:
          push(Impl::kChoice, code_[pc + 2], pos);
          pc = code_[pc + 1];
          break;
        case kJump:
          pc = code_[pc + 1];
          break;
        case kSave: {
          std::uint32_t slot = code_[pc + 1];
          push(Impl::kUndoCapture, slot, caps_[slot]);
          caps_[slot] = pos;
          pc += 2;
          break;
        }
        case kBackref:
          ok = backref(code_[pc + 1], backward, &pos);
          pc += 2;
          break;
        case kLook: {
          const std::uint32_t kind = code_[pc + 1];
          const std::uint32_t end = code_[pc + 2];
          const bool negative = (kind & 1) != 0;
          const std::size_t look_base = stack_.size();
          bool found = run(pc + 3, pos, look_base);
          if (found) {
            if (negative) {
              unwind(look_base);
              ok = false;
            } else {
              // Atomic: drop the lookaround's choice points, keep its undo
              // records so backtracking past it restores the captures.
              std::size_t out = look_base;
              for (std::size_t i = look_base; i < stack_.size(); ++i) {
                if (stack_[i].kind == Impl::kUndoCapture || stack_[i].kind == Impl::kUndoRegister) {
                  stack_[out++] = stack_[i];
                }
              }
              stack_.resize(out);
            }
          } else {
            ok = negative;
          }
          pc = end;
          break;
        }
        case kLookSucceed:
        case kMatch:
          return true;
        case kLoopInit: {
          // Loop k's registers: its iteration count at 2k, where its current
          // iteration started at 2k + 1.
          const std::uint32_t count_reg = 2 * code_[pc + 1];
          push(Impl::kUndoRegister, count_reg, regs_[count_reg]);
          regs_[count_reg] = 0;
          pc += 2;
          break;
        }
        case kLoop: {
          const std::uint32_t count_reg = 2 * code_[pc + 1];
          const auto count = static_cast<std::uint32_t>(regs_[count_reg]);
          const std::uint32_t min = code_[pc + 2];
          const std::uint32_t max = code_[pc + 3];
          const bool greedy = code_[pc + 4] != 0;
          const std::uint32_t exit = code_[pc + 5];
          if (count < min) {
            pc += 6;
          } else if (count >= max) {
            pc = exit;
          } else if (greedy) {
            push(Impl::kChoice, exit, pos);
            pc += 6;
          } else {
            push(Impl::kChoice, pc + 6, pos);
            pc = exit;
          }
          break;
        }
        case kLoopBody: {
          const std::uint32_t start_reg = 2 * code_[pc + 1] + 1;
          push(Impl::kUndoRegister, start_reg, regs_[start_reg]);
          regs_[start_reg] = pos;
          for (std::uint32_t slot = code_[pc + 2]; slot < code_[pc + 3]; ++slot) {
            if (caps_[slot] != -1) {
              push(Impl::kUndoCapture, slot, caps_[slot]);
              caps_[slot] = -1;
            }
          }
          pc += 4;
          break;
        }
        case kLoopEnd: {
          const std::uint32_t count_reg = 2 * code_[pc + 1];
          const auto count = static_cast<std::uint32_t>(regs_[count_reg]);
          if (count >= code_[pc + 2] && pos == regs_[count_reg + 1]) {
            ok = false;  // an empty iteration past the minimum
            break;
          }
          push(Impl::kUndoRegister, count_reg, regs_[count_reg]);
          regs_[count_reg] = static_cast<std::int32_t>(count + 1);
          pc = code_[pc + 3];
          break;
        }
        case kRepeat:
          ok = repeat(pc, &pos);
          pc += 5 + code_[pc + 4];
          break;
        default:
          ok = false;
          break;
      }
      if (ok) continue;
      if (!backtrack(base, &pc, &pos)) return false;
    }
  }

  bool repeat(std::uint32_t pc, std::int32_t* pos) {
    const std::uint32_t min = code_[pc + 1];
    const std::uint32_t max = code_[pc + 2];
    const bool greedy = code_[pc + 3] != 0;
    const std::uint32_t atom = pc + 5;
    std::int32_t at = *pos;
    std::uint32_t count = 0;
    std::int32_t min_at = at;
    while (count < min) {
      std::int32_t next;
      if (!match_one(atom, at, &next)) return false;
      at = next;
      ++count;
    }
    min_at = at;
    if (greedy) {
      while (count < max) {
        std::int32_t next;
        if (!match_one(atom, at, &next)) break;
        at = next;
        ++count;
        if ((count & 1023) == 0) tick();
      }
      if (at != min_at) push(Impl::kGreedy, pc, min_at, at);
    } else if (count < max) {
      push(Impl::kLazy, pc, at, static_cast<std::int32_t>(count));
    }
    *pos = at;
    return true;
  }

  bool backref(std::uint32_t group, bool backward, std::int32_t* pos) const {
    const std::int32_t a = caps_[2 * std::size_t{group}];
    const std::int32_t b = caps_[2 * std::size_t{group} + 1];
    if (a < 0 || b < 0) return true;
    const std::int32_t n = b - a;
    const std::int32_t from = backward ? *pos - n : *pos;
    if (from < 0 || from + n > len_) return false;
    for (std::int32_t i = 0; i < n; ++i) {
      char32_t x = s_[a + i];
      char32_t y = s_[from + i];
      if (x == y) continue;
      if (!ignore_case_ || canonicalize(x, unicode_) != canonicalize(y, unicode_)) return false;
    }
    *pos = backward ? from : from + n;
    return true;
  }

  // Pops to the next choice; false when none is left above base.
  bool backtrack(std::size_t base, std::uint32_t* pc, std::int32_t* pos) {
    while (stack_.size() > base) {
      tick();
      Entry& e = stack_.back();
      switch (e.kind) {
        case Impl::kUndoCapture:
          caps_[e.pc] = e.a;
          stack_.pop_back();
          break;
        case Impl::kUndoRegister:
          regs_[e.pc] = e.a;
          stack_.pop_back();
          break;
        case Impl::kChoice:
          *pc = e.pc;
          *pos = e.a;
          stack_.pop_back();
          return true;
        case Impl::kGreedy: {
          // Give back one character.
          const std::uint32_t rpc = e.pc;
          const bool backward = (code_[rpc] & kBackward) != 0;
          std::int32_t at = e.b;
          if (!backward) {
            at -= 1;
            if (unicode_ && at > e.a && is_low(s_[at]) && is_high(s_[at - 1])) at -= 1;
          } else {
            if (unicode_ && at + 1 < e.a && is_high(s_[at]) && is_low(s_[at + 1])) {
              at += 2;
            } else {
              at += 1;
            }
          }
          if (at == e.a) {
            stack_.pop_back();
          } else {
            e.b = at;
          }
          *pc = rpc + 5 + code_[rpc + 4];
          *pos = at;
          return true;
        }
        case Impl::kLazy: {
          // Take one more character.
          const std::uint32_t rpc = e.pc;
          const auto count = static_cast<std::uint32_t>(e.b);
          std::int32_t next;
          if (count >= code_[rpc + 2] || !match_one(rpc + 5, e.a, &next)) {
            stack_.pop_back();
            break;
          }
          e.a = next;
          e.b = static_cast<std::int32_t>(count + 1);
          *pc = rpc + 5 + code_[rpc + 4];
          *pos = next;
          if (count + 1 >= code_[rpc + 2]) stack_.pop_back();
          return true;
        }
      }
    }
    return false;
  }

  const Program& p_;
  const std::uint32_t* code_;
  const Ch* s_;
  std::int32_t len_;
  std::int32_t* caps_;
  MatchState& st_;
  std::vector<Entry>& stack_;
  std::vector<std::int32_t>& regs_;
  bool unicode_, ignore_case_, multiline_;
  std::size_t max_entries_;
  std::uint32_t steps_ = 0;
};

}  // namespace

Status exec(const Program& program, const Subject& subject, std::uint32_t start,
            std::int32_t* captures, MatchState& state) {
  const auto len = static_cast<std::int32_t>(subject.length);
  if (start > subject.length) return Status::kNoMatch;
  if (subject.latin1 != nullptr || subject.utf16 == nullptr) {
    static const std::uint8_t kEmpty = 0;
    const std::uint8_t* s = subject.latin1 != nullptr ? subject.latin1 : &kEmpty;
    Matcher<std::uint8_t> m(program, s, len, captures, state);
    return m.exec(static_cast<std::int32_t>(start));
  }
  Matcher<char16_t> m(program, subject.utf16, len, captures, state);
  return m.exec(static_cast<std::int32_t>(start));
}

}  // namespace kite::regexp
