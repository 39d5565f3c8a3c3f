// Value: a 64-bit NaN-boxed JavaScript value.
//
// Doubles are stored as their IEEE bits (every NaN is canonicalized to
// kCanonicalNaN, so no double has a top-16 pattern of 0xFFF9 or above).
// Everything else lives in the negative quiet-NaN space, tagged by the top
// 16 bits:
//   0xFFF9  int32 in the low 32 bits
//   0xFFFA  specials: undefined, null, false, true, hole (internal "empty")
//   0xFFFB  internal heap cell (environments, templates; never seen by JS)
//   0xFFFC  Object*
//   0xFFFD  String*
//   0xFFFE  Symbol*
//   0xFFFF  BigInt* (objects/bigint.h)
// Heap pointers use the low 48 bits (x86-64 user space).
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>

namespace kite::vm {

class Cell;
class Object;
class String;
class Symbol;
class BigInt;

class Value {
 public:
  static constexpr std::uint64_t kTagMask = 0xFFFF'0000'0000'0000ull;
  static constexpr std::uint64_t kTagInt = 0xFFF9'0000'0000'0000ull;
  static constexpr std::uint64_t kTagSpecial = 0xFFFA'0000'0000'0000ull;
  static constexpr std::uint64_t kTagCell = 0xFFFB'0000'0000'0000ull;
  static constexpr std::uint64_t kTagObject = 0xFFFC'0000'0000'0000ull;
  static constexpr std::uint64_t kTagString = 0xFFFD'0000'0000'0000ull;
  static constexpr std::uint64_t kTagSymbol = 0xFFFE'0000'0000'0000ull;
  static constexpr std::uint64_t kTagBigInt = 0xFFFF'0000'0000'0000ull;
  static constexpr std::uint64_t kPayloadMask = 0x0000'FFFF'FFFF'FFFFull;
  static constexpr std::uint64_t kCanonicalNaN = 0x7FF8'0000'0000'0000ull;

  static constexpr std::uint64_t kUndefinedBits = kTagSpecial | 0;
  static constexpr std::uint64_t kNullBits = kTagSpecial | 1;
  static constexpr std::uint64_t kFalseBits = kTagSpecial | 2;
  static constexpr std::uint64_t kTrueBits = kTagSpecial | 3;
  static constexpr std::uint64_t kHoleBits = kTagSpecial | 4;

  constexpr Value() : bits_(kUndefinedBits) {}

  static constexpr Value from_bits(std::uint64_t bits) {
    Value v;
    v.bits_ = bits;
    return v;
  }
  static constexpr Value undefined() { return from_bits(kUndefinedBits); }
  static constexpr Value null() { return from_bits(kNullBits); }
  static constexpr Value hole() { return from_bits(kHoleBits); }
  static constexpr Value boolean(bool b) { return from_bits(b ? kTrueBits : kFalseBits); }
  static constexpr Value int32(std::int32_t i) {
    return from_bits(kTagInt | static_cast<std::uint32_t>(i));
  }
  // A double, canonicalizing NaN. Does not convert integral doubles to int32.
  static Value raw_double(double d) {
    if (d != d) return from_bits(kCanonicalNaN);
    return from_bits(std::bit_cast<std::uint64_t>(d));
  }
  // A number: int32 when the double is integral, in range and not -0.
  static Value number(double d) {
    auto i = static_cast<std::int32_t>(d);
    if (static_cast<double>(i) == d && !(i == 0 && std::signbit(d))) return int32(i);
    return raw_double(d);
  }
  static Value number(std::int64_t i) {
    if (i >= INT32_MIN && i <= INT32_MAX) return int32(static_cast<std::int32_t>(i));
    return raw_double(static_cast<double>(i));
  }
  static Value number(std::uint32_t i) {
    if (i <= INT32_MAX) return int32(static_cast<std::int32_t>(i));
    return raw_double(static_cast<double>(i));
  }
  static Value object(Object* o) { return from_pointer(kTagObject, o); }
  static Value string(String* s) { return from_pointer(kTagString, s); }
  static Value symbol(Symbol* s) { return from_pointer(kTagSymbol, s); }
  static Value bigint(BigInt* b) { return from_pointer(kTagBigInt, b); }
  static Value cell(Cell* c) { return from_pointer(kTagCell, c); }

  constexpr std::uint64_t bits() const { return bits_; }
  constexpr std::uint64_t tag() const { return bits_ & kTagMask; }

  bool is_double() const { return bits_ < kTagInt; }
  bool is_int32() const { return tag() == kTagInt; }
  bool is_number() const { return bits_ < kTagSpecial; }
  bool is_undefined() const { return bits_ == kUndefinedBits; }
  bool is_null() const { return bits_ == kNullBits; }
  bool is_nullish() const { return (bits_ | 1) == kNullBits; }
  bool is_boolean() const { return (bits_ | 1) == kTrueBits; }
  bool is_true() const { return bits_ == kTrueBits; }
  bool is_false() const { return bits_ == kFalseBits; }
  bool is_hole() const { return bits_ == kHoleBits; }
  bool is_heap() const { return bits_ >= kTagCell; }
  bool is_internal_cell() const { return tag() == kTagCell; }
  bool is_object() const { return tag() == kTagObject; }
  bool is_string() const { return tag() == kTagString; }
  bool is_symbol() const { return tag() == kTagSymbol; }
  bool is_bigint() const { return tag() == kTagBigInt; }

  std::int32_t as_int32() const { return static_cast<std::int32_t>(bits_); }
  double as_double() const { return std::bit_cast<double>(bits_); }
  // Any number as a double.
  double as_number() const { return is_int32() ? static_cast<double>(as_int32()) : as_double(); }
  bool as_boolean() const { return bits_ == kTrueBits; }
  // A heap value is its pointer in the low 48 bits: NaN boxing is an
  // integer-to-pointer cast by design.
  // NOLINTBEGIN(performance-no-int-to-ptr)
  Cell* as_cell() const { return reinterpret_cast<Cell*>(bits_ & kPayloadMask); }
  Object* as_object() const { return reinterpret_cast<Object*>(bits_ & kPayloadMask); }
  String* as_string() const { return reinterpret_cast<String*>(bits_ & kPayloadMask); }
  Symbol* as_symbol() const { return reinterpret_cast<Symbol*>(bits_ & kPayloadMask); }
  BigInt* as_bigint() const { return reinterpret_cast<BigInt*>(bits_ & kPayloadMask); }
  // NOLINTEND(performance-no-int-to-ptr)

  friend bool operator==(Value a, Value b) { return a.bits_ == b.bits_; }
  friend bool operator!=(Value a, Value b) { return a.bits_ != b.bits_; }

 private:
  static Value from_pointer(std::uint64_t tag, const void* p) {
    return from_bits(tag | reinterpret_cast<std::uint64_t>(p));
  }
  std::uint64_t bits_;
};

static_assert(sizeof(Value) == 8);

}  // namespace kite::vm
