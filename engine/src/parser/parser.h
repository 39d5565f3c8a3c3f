// Parser: tokens -> AST (ECMA-262 13-16), always in strict mode.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parser/ast.h"

namespace kite::parser {

struct SyntaxError {
  std::string message;
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::uint32_t offset = 0;
};

// The result of a parse: the program and the arena owning it, or an error.
class ParseResult {
 public:
  bool ok() const { return program_ != nullptr; }
  const Program& program() const { return *program_; }
  const SyntaxError& error() const { return error_; }

 private:
  friend ParseResult parse(std::string_view source, std::string_view filename, bool module);
  friend ParseResult parse_eval(std::string_view source, bool new_target, bool super_property,
                                bool no_arguments,
                                const std::vector<std::u16string>& private_names);
  std::unique_ptr<Ast> ast_;
  Program* program_ = nullptr;
  SyntaxError error_;
};

// Parses `source` (UTF-8) as a strict-mode script, or with `module` as a
// module (16.2: import/export, top-level await, `await` reserved).
ParseResult parse(std::string_view source, std::string_view filename, bool module = false);

// Parses eval code (a script): a direct eval inside a function may use
// new.target, one inside a method super.x, and one in a field initializer
// never `arguments` (19.2.1.1 PerformEval steps 6-7); `private_names`
// ("#x") are those of the classes around the call.
ParseResult parse_eval(std::string_view source, bool new_target, bool super_property,
                       bool no_arguments, const std::vector<std::u16string>& private_names);

}  // namespace kite::parser
