// The bytecode compiler: scope analysis and code generation from the AST
// (parser/ast.h) to FunctionTemplates.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "vm/vm.h"

namespace kite::parser {
struct Program;
}

namespace kite::vm {
struct ModuleRecord;
}

namespace kite::compiler {

// A program the parser accepted but the compiler cannot (limits, early
// errors found during scope analysis). Reported as a SyntaxError.
struct CompileError {
  std::string message;
  std::uint32_t line;
  std::uint32_t column;
};

// Compiles a parsed script into its top-level FunctionTemplate. May
// allocate (and so collect); throws CompileError, or JSThrow on out of memory.
vm::FunctionTemplate* compile(vm::VM& vm, const parser::Program& program, std::string_view source,
                              std::string_view filename);

// Compiles parsed eval code (strict) into a function whose result is the
// code's completion value: run as a closure over the caller's environment
// for a direct eval (`outer` describes it), over none for an indirect one.
vm::FunctionTemplate* compile_eval(vm::VM& vm, const parser::Program& program,
                                   std::string_view source, const vm::EvalScope* outer,
                                   std::string_view file_name);

// Compiles a parsed module (program.is_module) into `record`: its body and
// InitializeEnvironment templates, environment size, requested modules,
// import and export entries (16.2.1.6.1 ParseModule). Throws as compile().
void compile_module(vm::VM& vm, const parser::Program& program, std::string_view source,
                    std::string_view filename, vm::ModuleRecord* record);

}  // namespace kite::compiler
