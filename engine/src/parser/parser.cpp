// Recursive-descent parser with precedence climbing for binary operators.
// Arrow functions are recognized by scanning ahead to the matching `)` and
// checking for `=>`; destructuring assignment reinterprets an object or
// array literal as a pattern (the cover grammar of ECMA-262 13.15.5).
//
// This file: the entry point parse(), reserved words, tokens and
// identifiers. The rest of Parser is listed in parser/parser_internal.h.
#include "parser/parser_internal.h"

#include <memory>
#include <string>

#include "util/unicode.h"

namespace kite::parser {

namespace {

const char* const kReserved[] = {
    "break",  "case",   "catch", "class",      "const",   "continue", "debugger", "default",
    "delete", "do",     "else",  "export",     "extends", "finally",  "for",      "function",
    "if",     "import", "in",    "instanceof", "new",     "return",   "super",    "switch",
    "this",   "throw",  "try",   "typeof",     "var",     "void",     "while",    "with",
    "null",   "true",   "false", "enum"};
const char* const kStrictReserved[] = {"implements", "interface", "package", "private", "protected",
                                       "public",     "static",    "yield",   "let"};

}  // namespace

bool is_reserved(const std::u16string& name) {
  for (const char* r : kReserved) {
    if (is(name, r)) return true;
  }
  return false;
}

bool is_strict_reserved(const std::u16string& name) {
  for (const char* r : kStrictReserved) {
    if (is(name, r)) return true;
  }
  return false;
}

// ---- tokens ----

Program* Parser::parse_program() {
  advance();
  Program* p = ast_.make<Program>(tok_.pos);
  FunctionState fs;
  fs.is_script = true;
  fs.in_async = module_;  // top-level await
  fs.in_method = eval_super_property_;
  functions_.push_back(&fs);
  // Eval code inside a class may name that class's private names.
  if (eval_private_names_ != nullptr && !eval_private_names_->empty()) {
    private_scopes_.emplace_back();
    for (const auto& n : *eval_private_names_) private_scopes_.back().declared.emplace_back(n, 4);
  }
  if (module_) {
    p->is_module = true;
    while (tok_.type != Tok::kEof) p->body.push_back(parse_module_item());
    p->has_top_level_await = top_level_await_;
  } else {
    while (tok_.type != Tok::kEof) p->body.push_back(parse_statement_list_item());
  }
  functions_.pop_back();
  if (!private_scopes_.empty()) {
    for (auto& [name, at] : private_scopes_.back().refs) {
      bool found = false;
      for (auto& d : private_scopes_.back().declared) found |= d.first == name;
      if (!found) {
        fail("Private field '" + util::utf16_to_utf8(name) +
                 "' must be declared in an enclosing class",
             at);
      }
    }
  }
  p->end = static_cast<std::uint32_t>(src_.size());
  return p;
}

void Parser::unexpected() {
  // `await x` outside an async function parses `await` as an identifier
  // and fails at `x`: say what went wrong, at the await.
  if (last_await_ref_ != nullptr && last_await_ref_->end == prev_end_ && !tok_.newline_before) {
    fail("await is only valid in async functions and the top level bodies of modules",
         last_await_ref_->pos);
  }
  if (tok_.type == Tok::kEof) fail("Unexpected end of input");
  if (tok_.type == Tok::kTemplate) fail("Unexpected template string");
  if (tok_.type == Tok::kNumber) fail("Unexpected number");
  if (tok_.type == Tok::kString) fail("Unexpected string");
  std::string text(src_.substr(tok_.pos.offset, tok_.end - tok_.pos.offset));
  if (tok_.type == Tok::kIdentifier) {
    if (is_reserved(tok_.value) || (is_strict_reserved(tok_.value))) {
      if (is_strict_reserved(tok_.value) && !is(tok_.value, "let") && !is(tok_.value, "static") &&
          !is(tok_.value, "yield")) {
        fail("Unexpected strict mode reserved word");
      }
      fail("Unexpected token '" + text + "'");
    }
    fail("Unexpected identifier '" + text + "'");
  }
  fail("Unexpected token '" + text + "'");
}

// ---- identifiers ----

void Parser::check_binding_name(const std::u16string& name, Pos pos) {
  if (is(name, "eval") || is(name, "arguments"))
    fail("Unexpected eval or arguments in strict mode", pos);
  if (is_reserved(name)) fail("Unexpected token '" + util::utf16_to_utf8(name) + "'", pos);
  if (is_strict_reserved(name)) fail("Unexpected strict mode reserved word", pos);
  if (is(name, "await") &&
      (module_ ||
       (!functions_.empty() && (fn().in_async || fn().async_params || fn().in_static_block)))) {
    fail("Unexpected reserved word", pos);
  }
}

Identifier* Parser::parse_identifier_reference() {
  if (!at(Tok::kIdentifier)) unexpected();
  if (!tok_.escaped || true) {
    if (is_reserved(tok_.value)) unexpected();
    if (is_strict_reserved(tok_.value) && !is(tok_.value, "let") && !is(tok_.value, "static"))
      unexpected();
    if (is(tok_.value, "let") || is(tok_.value, "static") || is(tok_.value, "yield")) {
      fail("Unexpected strict mode reserved word");
    }
  }
  if (is(tok_.value, "await") &&
      (module_ ||
       (!functions_.empty() && (fn().in_async || fn().async_params || fn().in_static_block)))) {
    fail("Unexpected reserved word");
  }
  Identifier* id = make<Identifier>(tok_.pos);
  id->name = tok_.value;
  if (is(id->name, "arguments")) mark_uses_arguments();
  advance();
  finish(id);
  if (is(id->name, "await")) last_await_ref_ = id;
  return id;
}

Identifier* Parser::parse_binding_identifier() {
  if (!at(Tok::kIdentifier)) unexpected();
  check_binding_name(tok_.value, tok_.pos);
  Identifier* id = make<Identifier>(tok_.pos);
  id->name = tok_.value;
  advance();
  finish(id);
  return id;
}

// Any IdentifierName (property names after `.`, keys).
Identifier* Parser::parse_identifier_name() {
  if (!at(Tok::kIdentifier)) unexpected();
  Identifier* id = make<Identifier>(tok_.pos);
  id->name = tok_.value;
  advance();
  finish(id);
  return id;
}

void Parser::mark_uses_arguments() {
  for (auto it = functions_.rbegin(); it != functions_.rend(); ++it) {
    if (!(*it)->is_arrow && (*it)->is_script && eval_no_arguments_) {
      fail("'arguments' is not allowed in class field initializer or static initialization block");
    }
    if ((*it)->node != nullptr) (*it)->node->uses_arguments = true;
    if (!(*it)->is_arrow) break;
  }
}

void Parser::mark_uses_this() {
  for (auto it = functions_.rbegin(); it != functions_.rend(); ++it) {
    if ((*it)->node != nullptr) (*it)->node->uses_this = true;
    if (!(*it)->is_arrow) break;
  }
}

ParseResult parse(std::string_view source, std::string_view filename, bool module) {
  (void)filename;
  ParseResult result;
  result.ast_ = std::make_unique<Ast>();
  try {
    Parser parser(source, *result.ast_, module);
    result.program_ = parser.parse_program();
  } catch (ParseFailure& f) {
    result.error_ = f.error;
    result.program_ = nullptr;
  }
  return result;
}

ParseResult parse_eval(std::string_view source, bool new_target, bool super_property,
                       bool no_arguments, const std::vector<std::u16string>& private_names) {
  ParseResult result;
  result.ast_ = std::make_unique<Ast>();
  try {
    Parser parser(source, *result.ast_, false);
    parser.eval_new_target_ = new_target;
    parser.eval_super_property_ = super_property;
    parser.eval_no_arguments_ = no_arguments;
    parser.eval_private_names_ = &private_names;
    result.program_ = parser.parse_program();
  } catch (ParseFailure& f) {
    result.error_ = f.error;
    result.program_ = nullptr;
  }
  return result;
}

}  // namespace kite::parser
