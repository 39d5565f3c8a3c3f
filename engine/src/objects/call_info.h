// The native calling convention: a built-in is a NativeFn, called with the
// receiver, arguments and new.target in a CallInfo.
#pragma once

#include <cstdint>

#include "objects/value.h"

namespace kite::vm {

class Object;
class VM;
struct CallInfo;

using NativeFn = Value (*)(VM& vm, CallInfo& call);

// Arguments to a native function. `args` points into the register stack
// (rooted). `new_target` is undefined for a plain call.
struct CallInfo {
  Value this_value;
  const Value* args;
  std::uint32_t argc;
  Value new_target;
  Object* callee;
  Value arg(std::uint32_t i) const { return i < argc ? args[i] : Value::undefined(); }
};

}  // namespace kite::vm
