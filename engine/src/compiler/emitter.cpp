#include "compiler/emitter.h"

#include <kite/perf_flags.h>

#include "compiler/compiler.h"

namespace kite::compiler {

void Emitter::emit(vm::Op op, std::initializer_list<std::uint16_t> operands) {
  last_op_pc_ = pc();
  tmpl_->code.push_back(static_cast<std::uint16_t>(op));
  for (std::uint16_t o : operands) tmpl_->code.push_back(o);
}

void Emitter::emit_jump(vm::Op op, std::initializer_list<std::uint16_t> operands, Label target) {
  last_op_pc_ = pc();
  std::uint32_t instr = pc();
  tmpl_->code.push_back(static_cast<std::uint16_t>(op));
  for (std::uint16_t o : operands) tmpl_->code.push_back(o);
  patches_.push_back(Patch{pc(), target.id, instr});
  tmpl_->code.push_back(0);
  tmpl_->code.push_back(0);
}

Label Emitter::new_label() {
  labels_.push_back(UINT32_MAX);
  return Label{static_cast<std::uint32_t>(labels_.size() - 1)};
}

void Emitter::bind(Label l) {
  labels_[l.id] = pc();
  last_op_pc_ = UINT32_MAX;  // a jump target: no peephole across it
}

std::uint16_t Emitter::constant(vm::Value v) {
  if (v.is_number()) {
    auto it = number_consts_.find(v.bits());
    if (it != number_consts_.end()) return it->second;
  } else if (v.is_heap()) {
    auto it = cell_consts_.find(v.as_cell());
    if (it != cell_consts_.end()) return it->second;
  }
  if (tmpl_->constants.size() >= 65535) {
    throw CompileError{"too many constants in one function", 0, 0};
  }
  auto idx = static_cast<std::uint16_t>(tmpl_->constants.size());
  tmpl_->constants.push_back(v);
  if (v.is_number()) {
    number_consts_[v.bits()] = idx;
  } else if (v.is_heap()) {
    cell_consts_[v.as_cell()] = idx;
  }
  return idx;
}

std::uint16_t Emitter::string_constant(std::u16string_view s) {
  vm::String* str = vm_.atomize(vm_.new_string_utf16(s));
  return constant(vm::Value::string(str));
}

std::uint16_t Emitter::bigint_constant(std::string_view digits, int radix) {
  return constant(vm_.new_bigint(util::BigNum::from_digits(digits, radix)));
}

std::uint16_t Emitter::ascii_constant(std::string_view s) {
  return constant(vm::Value::string(vm_.intern(s)));
}

std::uint16_t Emitter::new_ic() {
  if (tmpl_->ics.size() >= 65535)
    throw CompileError{"too many property accesses in one function", 0, 0};
  tmpl_->ics.emplace_back();
  return static_cast<std::uint16_t>(tmpl_->ics.size() - 1);
}

void Emitter::position(std::uint32_t line, std::uint32_t column) {
  if (line == last_line_ && column == last_col_) return;
  last_line_ = line;
  last_col_ = column;
  if (!tmpl_->positions.empty() && tmpl_->positions.back().pc == pc()) {
    tmpl_->positions.back() = vm::SourcePosition{pc(), line, column};
    return;
  }
  tmpl_->positions.push_back(vm::SourcePosition{pc(), line, column});
}

void Emitter::record_call_name(std::uint16_t name_const) {
  tmpl_->call_names.emplace_back(last_op_pc_, name_const);
}

void Emitter::add_handler(std::uint32_t start, std::uint32_t end, Label target, Reg reg) {
  handlers_.push_back(PendingHandler{start, end, target.id, reg});
}

Reg Emitter::alloc_local() {
  if (next_reg_ == 65535) throw CompileError{"too many local variables in one function", 0, 0};
  Reg r = next_reg_++;
  if (next_reg_ > max_reg_) max_reg_ = next_reg_;
  return r;
}

Reg Emitter::alloc_temp() {
  return alloc_local();
}

Reg Emitter::alloc_temps(std::uint16_t n) {
  Reg first = next_reg_;
  for (std::uint16_t i = 0; i < n; ++i) alloc_local();
  return first;
}

void Emitter::free_temps_to(Reg mark) {
  next_reg_ = mark;
}

// Jump threading: a jump to an unconditional Jmp goes to its final target,
// and a Jmp to a return becomes that return (padded with Nops).
void Emitter::thread_jumps() {
  std::vector<std::uint16_t>& code = tmpl_->code;
  auto target_at = [&](std::uint32_t at) {
    return static_cast<std::uint32_t>(code[at]) | (static_cast<std::uint32_t>(code[at + 1]) << 16);
  };
  auto final_target = [&](std::uint32_t t) {
    for (int hops = 0;
         hops < 8 && t < code.size() && code[t] == static_cast<std::uint16_t>(vm::Op::kJmp);
         ++hops) {
      std::uint32_t next = target_at(t + 1);
      if (next == t) break;
      t = next;
    }
    return t;
  };
  for (std::uint32_t pc = 0; pc < code.size();) {
    auto op = static_cast<vm::Op>(code[pc]);
    std::uint32_t len = vm::op_length(op);
    std::uint32_t at = pc + 1;
    for (const char* f = vm::kOpFormats[static_cast<int>(op)]; *f != '\0'; ++f) {
      if (*f != 't') {
        at += vm::operand_units(*f);
        continue;
      }
      std::uint32_t t = final_target(target_at(at));
      if (op == vm::Op::kJmp && t < code.size() &&
          (code[t] == static_cast<std::uint16_t>(vm::Op::kRet) ||
           code[t] == static_cast<std::uint16_t>(vm::Op::kRetUndef))) {
        std::uint32_t ret_len = vm::op_length(static_cast<vm::Op>(code[t]));
        for (std::uint32_t i = 0; i < ret_len; ++i) code[pc + i] = code[t + i];
        for (std::uint32_t i = ret_len; i < len; ++i)
          code[pc + i] = static_cast<std::uint16_t>(vm::Op::kNop);
        break;
      }
      code[at] = static_cast<std::uint16_t>(t & 0xFFFF);
      code[at + 1] = static_cast<std::uint16_t>(t >> 16);
      at += vm::operand_units('t');
    }
    pc += len;
  }
}

void Emitter::finish() {
  for (const Patch& p : patches_) {
    std::uint32_t target = labels_[p.label];
    tmpl_->code[p.at] = static_cast<std::uint16_t>(target & 0xFFFF);
    tmpl_->code[p.at + 1] = static_cast<std::uint16_t>(target >> 16);
  }
#if KITE_OPT_LEAN_BYTECODE
  thread_jumps();
#endif
  for (const PendingHandler& h : handlers_) {
    tmpl_->handlers.push_back(vm::ExceptionHandler{h.start, h.end, labels_[h.label], h.reg});
  }
  tmpl_->num_registers = max_reg_ + 1u;
}

}  // namespace kite::compiler
