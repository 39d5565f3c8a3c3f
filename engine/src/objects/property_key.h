// PropertyKey: the name of a property — an atom (interned String), a
// Symbol, or an array index (0 .. 2^32-2), each in one 64-bit word.
#pragma once

#include <cstdint>
#include <functional>

#include "objects/value.h"

namespace kite::vm {

class PropertyKey {
 public:
  constexpr PropertyKey() : bits_(0) {}
  static PropertyKey atom(String* s) { return PropertyKey(Value::string(s).bits()); }
  static PropertyKey symbol(Symbol* s) { return PropertyKey(Value::symbol(s).bits()); }
  static PropertyKey index(std::uint32_t i) { return PropertyKey(Value::kTagInt | i); }

  bool is_empty() const { return bits_ == 0; }
  bool is_index() const { return (bits_ & Value::kTagMask) == Value::kTagInt; }
  bool is_atom() const { return (bits_ & Value::kTagMask) == Value::kTagString; }
  bool is_symbol() const { return (bits_ & Value::kTagMask) == Value::kTagSymbol; }
  std::uint32_t as_index() const { return static_cast<std::uint32_t>(bits_); }
  String* as_atom() const { return Value::from_bits(bits_).as_string(); }
  Symbol* as_symbol() const { return Value::from_bits(bits_).as_symbol(); }
  // The key as a JS value (a number for indices is NOT produced; callers
  // that need the string form use VM::key_to_string).
  Value as_value() const { return Value::from_bits(bits_); }
  std::uint64_t bits() const { return bits_; }

  friend bool operator==(PropertyKey a, PropertyKey b) { return a.bits_ == b.bits_; }
  friend bool operator!=(PropertyKey a, PropertyKey b) { return a.bits_ != b.bits_; }

 private:
  explicit constexpr PropertyKey(std::uint64_t bits) : bits_(bits) {}
  std::uint64_t bits_;
};

struct PropertyKeyHash {
  std::size_t operator()(PropertyKey k) const {
    std::uint64_t x = k.bits();
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return static_cast<std::size_t>(x);
  }
};

// Property attributes (ECMA-262 6.1.7.1).
namespace attr {
inline constexpr std::uint8_t kWritable = 1;
inline constexpr std::uint8_t kEnumerable = 2;
inline constexpr std::uint8_t kConfigurable = 4;
inline constexpr std::uint8_t kAccessor = 8;  // the slot holds an AccessorPair
inline constexpr std::uint8_t kDefault = kWritable | kEnumerable | kConfigurable;
inline constexpr std::uint8_t kHidden = kWritable | kConfigurable;  // built-in methods
}  // namespace attr

}  // namespace kite::vm
