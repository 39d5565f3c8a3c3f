// FunctionTemplate: the compiled form of one function — bytecode,
// constants, inline caches, exception handlers and source positions. Many
// closures (JSFunction) share one template.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "heap/cell.h"
#include "objects/value.h"
#include "vm/inline_cache.h"

namespace kite::vm {

class Heap;
class String;
struct ModuleRecord;

struct ExceptionHandler {
  std::uint32_t start;  // [start, end) pc range covered
  std::uint32_t end;
  std::uint32_t target;  // handler pc
  std::uint16_t reg;     // register receiving the exception
};

struct SourcePosition {
  std::uint32_t pc;
  std::uint32_t line;
  std::uint32_t column;
};

// What a direct eval at one call site can see (vm/eval.cpp): each binding
// in the environments around the call, innermost first, by its level (0:
// the call site's own environment) and slot; `kind` is the compiler's
// BindingKind. Only functions that contain a direct eval have these.
struct EvalScope {
  struct Binding {
    std::u16string name;
    std::uint16_t level;
    std::uint16_t slot;
    std::uint8_t kind;
  };
  std::vector<Binding> bindings;
  std::uint16_t levels = 0;
  bool this_undefined = false;  // no `this` binding and a module's top level
  bool no_arguments = false;    // in a field initializer: `arguments` is a SyntaxError
};

class FunctionTemplate : public Cell {
 public:
  enum Flags : std::uint16_t {
    kArrow = 1,
    kMethod = 2,  // no prototype property, not a constructor
    kClassConstructor = 4,
    kDerived = 8,
    kUsesArguments = 16,
    kGetter = 32,
    kSetter = 64,
    kScript = 128,  // top-level code of a script
    kHasFields = 256,
    kGenerator = 512,  // function*: calling it returns a generator (GenStart)
    kAsync = 1024,     // async function: calling it returns a promise (AsyncStart)
    kModule = 2048,    // top-level code of a module (or its InitializeEnvironment)
    kEval = 4096,      // eval code (vm/eval.cpp)
  };

  std::vector<std::uint16_t> code;
  std::vector<Value> constants;  // numbers, strings, nested FunctionTemplates (cells)
  std::vector<InlineCache> ics;
  std::vector<ExceptionHandler> handlers;
  std::vector<SourcePosition> positions;
  // pc of a call instruction -> constant index of the callee's source text,
  // for "x.y is not a function" messages.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> call_names;
  Value name;       // String or undefined
  Value file_name;  // String
  std::uint32_t num_registers = 1;
  std::uint32_t num_params = 0;  // registers 1..num_params receive arguments
  std::uint32_t length = 0;      // the function's `length` property
  std::uint32_t source_start = 0;
  std::uint32_t source_end = 0;
  Value source;  // the whole script source (String), for toString
  std::uint16_t flags = 0;
  // The module whose code this is (import.meta, import() resolution), or
  // null for script code. Modules live as long as the VM.
  ModuleRecord* module = nullptr;
  std::vector<EvalScope> eval_scopes;  // CallEval's operand indexes these

  bool has(Flags f) const { return (flags & f) != 0; }
  // 1-based line and column of the instruction at `pc`.
  SourcePosition position_at(std::uint32_t pc) const;
  void trace(Heap& heap);
};

}  // namespace kite::vm
