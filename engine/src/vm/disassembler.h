// Bytecode listing for `kite run --print-bytecode`: one line per
// instruction with its operands decoded by the opcode's format string,
// nested function templates listed after their parent.
#pragma once

#include <string>

namespace kite::vm {

class FunctionTemplate;

std::string disassemble(const FunctionTemplate* tmpl);

}  // namespace kite::vm
