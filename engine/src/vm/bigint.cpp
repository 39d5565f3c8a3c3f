// BigInt in the VM: making BigInt cells, ToNumeric, ToBigInt and the
// numeric operators' slow paths, which apply the Number or the BigInt
// operation (ECMA-262 6.1.6, 13.15.3 ApplyStringOrNumericBinaryOperator).
// The interpreter's int32/double fast paths never see a BigInt.
#include <cmath>
#include <string>

#include "objects/bigint.h"
#include "objects/string.h"
#include "util/numbers.h"
#include "vm/vm.h"

namespace kite::vm {

namespace {

// The largest BigInt Kite makes, in bits (V8's limit is 2^30 bits).
constexpr std::uint64_t kMaxBigIntBits = std::uint64_t{1} << 30;

const util::BigNum& num(Value v) {
  return v.as_bigint()->num;
}

bool is_js_space(char16_t c) {
  return c == 9 || c == 10 || c == 11 || c == 12 || c == 13 || c == 32 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

}  // namespace

Value VM::new_bigint(util::BigNum n) {
  if (n.bit_length() > kMaxBigIntBits) throw_range_error("Maximum BigInt size exceeded");
  return Value::bigint(heap_.make<BigInt>(CellKind::kBigInt, 0, std::move(n)));
}

std::optional<util::BigNum> VM::string_to_bigint(String* s) {
  s = flatten(s);
  std::uint32_t b = 0, e = s->length();
  while (b < e && is_js_space(s->at(b))) ++b;
  while (e > b && is_js_space(s->at(e - 1))) --e;
  std::string text;
  for (std::uint32_t i = b; i < e; ++i) {
    char16_t c = s->at(i);
    if (c > 127) return std::nullopt;
    text.push_back(static_cast<char>(c));
  }
  return util::BigNum::parse(text);
}

// 7.1.13 ToBigInt
Value VM::to_bigint(Value v) {
  Value p = to_primitive(v, 1);
  if (p.is_bigint()) return p;
  if (p.is_boolean()) return new_bigint(util::BigNum::from_uint64(p.is_true() ? 1 : 0));
  if (p.is_string()) {
    auto n = string_to_bigint(p.as_string());
    if (!n) {
      throw_error(ErrorType::kSyntaxError,
                  "Cannot convert " + p.as_string()->to_utf8() + " to a BigInt");
    }
    return new_bigint(std::move(*n));
  }
  throw_type_error("Cannot convert " + describe(p) + " to a BigInt");
}

// 7.1.3 ToNumeric
Value VM::to_numeric(Value v) {
  if (v.is_number() || v.is_bigint()) return v;
  Value p = to_primitive(v, 1);
  if (p.is_bigint()) return p;
  return Value::number(to_number(p));
}

namespace {
// The Number operation of `op` (6.1.6.1).
Value number_op(NumericOp op, double l, double r) {
  switch (op) {
    case NumericOp::kSub:
      return Value::number(l - r);
    case NumericOp::kMul:
      return Value::number(l * r);
    case NumericOp::kDiv:
      return Value::number(l / r);
    case NumericOp::kMod:
      return Value::number(std::fmod(l, r));
    case NumericOp::kExp:
      return Value::number(js_pow(l, r));
    case NumericOp::kAnd:
      return Value::int32(util::to_int32(l) & util::to_int32(r));
    case NumericOp::kOr:
      return Value::int32(util::to_int32(l) | util::to_int32(r));
    case NumericOp::kXor:
      return Value::int32(util::to_int32(l) ^ util::to_int32(r));
    case NumericOp::kShl:
      return Value::int32(static_cast<std::int32_t>(static_cast<std::uint32_t>(util::to_int32(l))
                                                    << (util::to_uint32(r) & 31)));
    case NumericOp::kShr:
      return Value::int32(util::to_int32(l) >> (util::to_uint32(r) & 31));
    case NumericOp::kUShr:
      return Value::number(util::to_uint32(l) >> (util::to_uint32(r) & 31));
  }
  return Value::undefined();
}
}  // namespace

Value VM::numeric_op(NumericOp op, Value a, Value b) {
  // Two Numbers (the interpreter's int32 fast paths missed: a double
  // operand of a bitwise operator): no conversion can run user code.
  if (a.is_number() && b.is_number()) return number_op(op, a.as_number(), b.as_number());
  Rooted rb(*this, b);
  Rooted x(*this, to_numeric(a));
  Value y = to_numeric(rb.get());
  if (x.get().is_bigint() != y.is_bigint()) {
    throw_type_error("Cannot mix BigInt and other types, use explicit conversions");
  }
  if (!y.is_bigint()) return number_op(op, x.get().as_number(), y.as_number());
  const util::BigNum& l = num(x.get());
  const util::BigNum& r = num(y);
  switch (op) {
    case NumericOp::kSub:
      return new_bigint(util::sub(l, r));
    case NumericOp::kMul:
      if (l.bit_length() + r.bit_length() > kMaxBigIntBits)
        throw_range_error("Maximum BigInt size exceeded");
      return new_bigint(util::mul(l, r));
    case NumericOp::kDiv:
      if (r.is_zero()) throw_range_error("Division by zero");
      return new_bigint(util::div(l, r));
    case NumericOp::kMod:
      if (r.is_zero()) throw_range_error("Division by zero");
      return new_bigint(util::rem(l, r));
    case NumericOp::kExp: {
      if (r.negative) throw_range_error("Exponent must be non-negative");
      if (r.is_zero()) return new_bigint(util::BigNum::from_uint64(1));
      std::uint64_t base_bits = l.bit_length();
      // 0, 1 and -1 stay small whatever the exponent.
      if (base_bits <= 1) {
        bool odd = (r.mag[0] & 1) != 0;
        if (l.is_zero()) return new_bigint(util::BigNum{});
        return new_bigint(l.negative && !odd ? util::BigNum::from_uint64(1) : l);
      }
      if (r.mag.size() > 1 ||
          static_cast<std::uint64_t>(r.mag[0]) * (base_bits - 1) > kMaxBigIntBits) {
        throw_range_error("Maximum BigInt size exceeded");
      }
      return new_bigint(util::pow(l, r.mag[0]));
    }
    case NumericOp::kAnd:
      return new_bigint(util::bit_and(l, r));
    case NumericOp::kOr:
      return new_bigint(util::bit_or(l, r));
    case NumericOp::kXor:
      return new_bigint(util::bit_xor(l, r));
    case NumericOp::kShl:
    case NumericOp::kShr: {
      bool left = op == NumericOp::kShl;
      if (r.mag.size() > 2 || r.bit_length() > 62) {
        // A huge shift: 0 or -1 to the right, too large to the left.
        if (left != r.negative) {
          if (l.is_zero()) return x.get();
          throw_range_error("Maximum BigInt size exceeded");
        }
        return new_bigint(l.negative ? util::BigNum::from_int64(-1) : util::BigNum{});
      }
      auto n = static_cast<std::int64_t>(r.low64());
      if (!left) n = -n;
      if (n > 0 && l.bit_length() + static_cast<std::uint64_t>(n) > kMaxBigIntBits &&
          !l.is_zero()) {
        throw_range_error("Maximum BigInt size exceeded");
      }
      return new_bigint(util::shift_left(l, n));
    }
    case NumericOp::kUShr:
      throw_type_error("BigInts have no unsigned right shift, use >> instead");
  }
  return Value::undefined();
}

Value VM::numeric_unary(NumericUnary op, Value a) {
  Value x = to_numeric(a);
  if (!x.is_bigint()) {
    double d = x.as_number();
    switch (op) {
      case NumericUnary::kNeg:
        return Value::number(-d);
      case NumericUnary::kBitNot:
        return Value::int32(~util::to_int32(d));
      case NumericUnary::kInc:
        return Value::number(d + 1);
      case NumericUnary::kDec:
        return Value::number(d - 1);
      case NumericUnary::kToNumeric:
        return x;
    }
  }
  const util::BigNum& n = num(x);
  switch (op) {
    case NumericUnary::kNeg:
      return new_bigint(util::negate(n));
    case NumericUnary::kBitNot:
      return new_bigint(util::bit_not(n));
    case NumericUnary::kInc:
      return new_bigint(util::add(n, util::BigNum::from_uint64(1)));
    case NumericUnary::kDec:
      return new_bigint(util::sub(n, util::BigNum::from_uint64(1)));
    case NumericUnary::kToNumeric:
      return x;
  }
  return x;
}

Value VM::canonical_bigint(Value v) {
  std::string text = num(v).to_string(16);
  auto it = bigint_keys_.find(text);
  if (it != bigint_keys_.end()) return it->second;
  bigint_keys_.emplace(std::move(text), v);
  return v;
}

Value VM::bigint_add(Value a, Value b) {
  return new_bigint(util::add(num(a), num(b)));
}

String* VM::bigint_to_string(Value v, int radix) {
  return new_string_ascii(num(v).to_string(radix));
}

}  // namespace kite::vm
