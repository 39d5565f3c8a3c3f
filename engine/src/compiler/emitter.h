// Emitter: builds one FunctionTemplate's bytecode — instruction encoding,
// labels and jump patching, the constant pool, inline-cache slots, source
// positions and exception-handler ranges. Knows nothing of the AST.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <unordered_map>
#include <vector>

#include "vm/bytecode.h"
#include "vm/function_template.h"
#include "vm/vm.h"

namespace kite::compiler {

using Reg = std::uint16_t;

struct Label {
  std::uint32_t id = UINT32_MAX;
  bool valid() const { return id != UINT32_MAX; }
};

class Emitter {
 public:
  Emitter(vm::VM& vm, vm::FunctionTemplate* tmpl) : vm_(vm), tmpl_(tmpl) {}

  vm::FunctionTemplate* tmpl() { return tmpl_; }
  std::uint32_t pc() const { return static_cast<std::uint32_t>(tmpl_->code.size()); }

  // Appends `op` with its operands (jump targets use emit_jump).
  void emit(vm::Op op, std::initializer_list<std::uint16_t> operands = {});
  // Appends `op` whose last operand is a jump to `target`.
  void emit_jump(vm::Op op, std::initializer_list<std::uint16_t> operands, Label target);

  Label new_label();
  void bind(Label l);
  bool is_bound(Label l) const { return labels_[l.id] != UINT32_MAX; }

  std::uint16_t constant(vm::Value v);  // numbers deduplicated by value, cells by identity
  std::uint16_t string_constant(std::u16string_view s);
  std::uint16_t bigint_constant(std::string_view digits, int radix);
  std::uint16_t ascii_constant(std::string_view s);
  std::uint16_t new_ic();

  void position(std::uint32_t line, std::uint32_t column);
  void record_call_name(std::uint16_t name_const);
  void add_handler(std::uint32_t start, std::uint32_t end, Label target, Reg reg);

  // Registers: fixed locals first, then a stack of temporaries.
  Reg alloc_local();
  Reg alloc_temp();
  Reg alloc_temps(std::uint16_t n);  // n consecutive temporaries
  void free_temps_to(Reg mark);      // releases every temp >= mark
  Reg temp_mark() const { return next_reg_; }

  // Resolves jumps and writes register count. Call once.
  void finish();

  // The last emitted instruction's opcode (for peephole decisions).
  bool last_is(vm::Op op) const {
    return last_op_pc_ != UINT32_MAX && tmpl_->code[last_op_pc_] == static_cast<std::uint16_t>(op);
  }

 private:
  void thread_jumps();
  struct Patch {
    std::uint32_t at;  // code index of the 2-unit target
    std::uint32_t label;
    std::uint32_t instr;  // pc of the instruction (for handler labels: unused)
  };
  struct PendingHandler {
    std::uint32_t start, end, label;
    Reg reg;
  };
  vm::VM& vm_;
  vm::FunctionTemplate* tmpl_;
  std::vector<std::uint32_t> labels_;
  std::vector<Patch> patches_;
  std::vector<PendingHandler> handlers_;
  std::unordered_map<std::uint64_t, std::uint16_t> number_consts_;
  std::unordered_map<void*, std::uint16_t> cell_consts_;
  Reg next_reg_ = 1;
  Reg max_reg_ = 1;
  std::uint32_t last_op_pc_ = UINT32_MAX;
  std::uint32_t last_line_ = 0, last_col_ = 0;
};

}  // namespace kite::compiler
