// BigInt: the heap cell of a BigInt primitive (Value tag 0xFFFF). Immutable:
// every operation makes a new one (vm/bigint.cpp).
#pragma once

#include <utility>

#include "heap/cell.h"
#include "util/bigint.h"

namespace kite::vm {

class BigInt : public Cell {
 public:
  explicit BigInt(util::BigNum n) : num(std::move(n)) {}
  const util::BigNum num;
};

}  // namespace kite::vm
