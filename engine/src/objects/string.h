// String: an immutable JavaScript string (a sequence of UTF-16 code units).
//
// Three representations share this cell:
//   flat one-byte  Latin-1 code units stored inline after the header
//   flat two-byte  UTF-16 code units stored inline after the header
//   rope           left + right halves; flattened on first content access
//                  into a buffer the rope then owns (concatenation is O(1))
// Atoms are flat strings interned in the VM's AtomTable: two atoms are
// equal exactly when they are the same pointer, which makes property-name
// comparison a pointer compare.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "heap/cell.h"

namespace kite::vm {

class String : public Cell {
 public:
  static constexpr std::uint16_t kOneByte = 1;
  static constexpr std::uint16_t kRope = 2;
  static constexpr std::uint16_t kAtom = 4;
  static constexpr std::uint16_t kFlattened = 8;    // a rope that owns a flat buffer
  static constexpr std::uint16_t kIndexKnown = 16;  // index_ is valid (atoms only)
  static constexpr std::uint16_t kIsIndex = 32;     // canonical array index

  std::uint32_t length() const { return length_; }
  bool is_one_byte() const { return (cell_flags_ & kOneByte) != 0; }
  bool is_rope() const { return (cell_flags_ & kRope) != 0 && (cell_flags_ & kFlattened) == 0; }
  bool is_atom() const { return (cell_flags_ & kAtom) != 0; }
  bool has_flat_buffer() const { return (cell_flags_ & kRope) != 0; }

  // Flat access. Valid only when !is_rope() (call VM::flatten first).
  const std::uint8_t* chars8() const { return static_cast<const std::uint8_t*>(chars_); }
  const char16_t* chars16() const { return static_cast<const char16_t*>(chars_); }
  char16_t at(std::uint32_t i) const { return is_one_byte() ? chars8()[i] : chars16()[i]; }

  // Content hash (flat strings); computed once.
  std::uint32_t hash() {
    if (hash_ == 0) hash_ = compute_hash();
    return hash_;
  }

  String* rope_left() const { return left_; }
  String* rope_right() const { return right_; }

  // Canonical array index of an atom ("0".."4294967294"), cached.
  bool as_index(std::uint32_t* out);

  // Content comparisons on flat strings.
  bool equals(const String* other) const;
  bool equals_ascii(std::string_view s) const;
  int compare(const String* other) const;  // code-unit order

  // Appends the content as UTF-8 (lone surrogates become U+FFFD).
  void append_utf8(std::string& out) const;
  std::string to_utf8() const {
    std::string s;
    append_utf8(s);
    return s;
  }
  std::u16string to_u16() const;

 private:
  friend class VM;
  friend class Heap;
  std::uint32_t compute_hash() const;

  std::uint32_t length_ = 0;
  std::uint32_t hash_ = 0;
  const void* chars_ = nullptr;  // flat data (inline, or owned buffer for a flattened rope)
  // Rope halves (null once flattened). A flat string that is not an atom
  // keeps its atom in left_ once atomized, so property keys made from it
  // skip the atom-table probe; the collector traces left_ either way.
  String* left_ = nullptr;
  String* right_ = nullptr;
  std::uint32_t index_ = 0;
};

// Hash of a code-unit sequence; the same for one-byte and two-byte forms.
std::uint32_t hash_chars(const std::uint8_t* p, std::size_t n);
std::uint32_t hash_chars(const char16_t* p, std::size_t n);

}  // namespace kite::vm
