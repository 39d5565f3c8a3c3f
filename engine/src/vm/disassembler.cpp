#include "vm/disassembler.h"

#include <fmt/core.h>

#include <vector>

#include "objects/string.h"
#include "vm/bytecode.h"
#include "vm/function_template.h"

namespace kite::vm {

namespace {

std::string constant_text(Value v) {
  if (v.is_string()) {
    std::string s = v.as_string()->to_utf8();
    if (s.size() > 24) s = s.substr(0, 21) + "...";
    return fmt::format("\"{}\"", s);
  }
  if (v.is_int32()) return fmt::format("{}", v.as_int32());
  if (v.is_number()) return fmt::format("{}", v.as_number());
  if (v.is_internal_cell()) return "<function>";
  return "?";
}

std::string template_name(const FunctionTemplate* t) {
  if (t->has(FunctionTemplate::kScript)) return "<script>";
  if (t->has(FunctionTemplate::kModule)) return "<module>";
  if (t->name.is_string()) {
    std::string n = t->name.as_string()->to_utf8();
    if (!n.empty()) return n;
  }
  return "<anonymous>";
}

void list_one(const FunctionTemplate* t, std::string& out,
              std::vector<const FunctionTemplate*>& nested) {
  out += fmt::format("== {} (params {}, registers {}, constants {}, ics {})\n", template_name(t),
                     t->num_params, t->num_registers, t->constants.size(), t->ics.size());
  const std::uint16_t* code = t->code.data();
  std::size_t n = t->code.size();
  for (std::size_t pc = 0; pc < n;) {
    auto op = static_cast<Op>(code[pc]);
    if (static_cast<std::uint16_t>(op) >= static_cast<std::uint16_t>(Op::kCount)) {
      out += fmt::format("{:5}  <bad opcode {}>\n", pc, code[pc]);
      break;
    }
    std::string line = fmt::format("{:5}  {:<15}", pc, kOpNames[static_cast<int>(op)]);
    std::size_t at = pc + 1;
    for (const char* fmt_ch = kOpFormats[static_cast<int>(op)]; *fmt_ch != '\0'; ++fmt_ch) {
      std::uint16_t u = code[at];
      switch (*fmt_ch) {
        case 'r':
          line += fmt::format(" r{}", u);
          break;
        case 'k':
          line += fmt::format(" k{}", u);
          if (u < t->constants.size()) line += "(" + constant_text(t->constants[u]) + ")";
          break;
        case 'i':
          line += fmt::format(" #{}", static_cast<std::int16_t>(u));
          break;
        case 'c':
          line += fmt::format(" ic{}", u);
          break;
        case 't':
          line += fmt::format(" ->{}", static_cast<std::uint32_t>(u) |
                                           (static_cast<std::uint32_t>(code[at + 1]) << 16));
          ++at;
          break;
        case 'q': {
          std::uint64_t q = 0;
          for (int i = 3; i >= 0; --i) q = (q << 16) | code[at + static_cast<std::size_t>(i)];
          line += fmt::format(" 0x{:x}", q);
          at += 3;
          break;
        }
        default:
          line += fmt::format(" {}", u);
          break;
      }
      ++at;
    }
    out += line + "\n";
    pc += op_length(op);
  }
  for (const ExceptionHandler& h : t->handlers) {
    out += fmt::format("  handler [{}, {}) -> {} (r{})\n", h.start, h.end, h.target, h.reg);
  }
  for (Value c : t->constants) {
    if (c.is_internal_cell() && c.as_cell()->kind() == CellKind::kFunctionTemplate)
      nested.push_back(static_cast<const FunctionTemplate*>(c.as_cell()));
  }
}

}  // namespace

std::string disassemble(const FunctionTemplate* tmpl) {
  std::string out;
  std::vector<const FunctionTemplate*> todo{tmpl};
  while (!todo.empty()) {
    const FunctionTemplate* t = todo.front();
    todo.erase(todo.begin());
    std::vector<const FunctionTemplate*> nested;
    list_one(t, out, nested);
    todo.insert(todo.end(), nested.begin(), nested.end());
  }
  return out;
}

}  // namespace kite::vm
