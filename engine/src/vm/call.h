// Call support for the interpreter loop (vm/call.cpp). VM::call,
// VM::construct and the frame functions are members of VM (vm/vm.h).
#pragma once

#include <cstdint>
#include <string>

#include "objects/string.h"
#include "objects/value.h"
#include "vm/function_template.h"

namespace kite::vm {

class VM;

// Builds the unmapped arguments object (ECMA-262 10.4.4.6).
Value create_arguments(VM& vm, const Value* argv, std::uint32_t argc);

// The source text of the callee of the call at `pc` ("obj.method"), or
// empty: the name a "... is not a function" error gives it. Inline for the
// loop's sake (see "kept beside the loop" in vm/interpreter.cpp).
inline std::string callee_text(FunctionTemplate* t, const std::uint16_t* pc) {
  auto off = static_cast<std::uint32_t>(pc - t->code.data());
  for (const auto& [at, k] : t->call_names) {
    if (at == off) return t->constants[k].as_string()->to_utf8();
  }
  return std::string();
}

}  // namespace kite::vm
