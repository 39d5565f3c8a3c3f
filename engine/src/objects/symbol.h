// Symbol: a JavaScript symbol value's cell (ECMA-262 6.1.5).
#pragma once

#include "heap/cell.h"
#include "objects/value.h"

namespace kite::vm {

class Symbol : public Cell {
 public:
  explicit Symbol(Value description) : description(description) {}
  Value description;  // undefined or a String
  // A class's private name (#x): a key of private elements, never listed
  // among an object's own keys (vm/private_elements.cpp).
  bool is_private = false;
};

}  // namespace kite::vm
