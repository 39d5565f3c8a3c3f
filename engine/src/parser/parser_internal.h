// Parser: the recursive-descent parser class the parser's files share
// (parser.cpp: the entry point, tokens and identifiers; parse_statements.cpp;
// parse_functions.cpp: functions, arrows, classes and the names anonymous
// functions get; parse_expressions.cpp; parse_patterns.cpp). Private to the
// parser: nothing else includes it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "parser/ast.h"
#include "parser/lexer.h"
#include "parser/parser.h"

namespace kite::parser {

struct ParseFailure {
  SyntaxError error;
};

inline bool is(const std::u16string& a, const char* b) {
  std::size_t n = 0;
  for (; b[n] != '\0'; ++n) {
    if (n >= a.size() || a[n] != static_cast<char16_t>(b[n])) return false;
  }
  return n == a.size();
}

bool is_reserved(const std::u16string& name);
bool is_strict_reserved(const std::u16string& name);

class Parser {
 public:
  Parser(std::string_view source, Ast& ast, bool module) : src_(source), lex_(source), ast_(ast) {
    module_ = module;
    if (module) lex_.set_module();
  }

  Program* parse_program();
  // Eval code's allowances (parse_eval).
  bool eval_new_target_ = false;
  bool eval_super_property_ = false;
  bool eval_no_arguments_ = false;
  const std::vector<std::u16string>* eval_private_names_ = nullptr;

 private:
  // Per-function parse state for early errors.
  struct FunctionState {
    bool is_script = false;
    bool is_arrow = false;
    bool in_method = false;        // super.x allowed
    bool in_constructor = false;   // super() allowed (derived)
    bool in_generator = false;     // yield is a YieldExpression (the body, not the parameters)
    bool in_async = false;         // await is an AwaitExpression (the body)
    bool in_static_block = false;  // class static { }: no return, no await, no arguments
    // Array and object literals open around the expression being parsed: a
    // cover initializer there may still become a pattern, and is checked
    // by the outermost literal.
    int cover_depth = 0;
    bool async_params = false;  // the parameters of an async function: await is an error
    int loop_depth = 0;
    int switch_depth = 0;
    std::vector<std::pair<std::u16string, bool>> labels;  // name, is a loop label
    FunctionNode* node = nullptr;
  };

  // ---- tokens (parser.cpp) ----

  [[noreturn]] void fail(const std::string& msg, Pos at) {
    throw ParseFailure{SyntaxError{msg, at.line, at.column, at.offset}};
  }
  [[noreturn]] void fail(const std::string& msg) { fail(msg, tok_.pos); }

  [[noreturn]] void unexpected();

  void advance() {
    prev_end_ = tok_.end;
    prev_line_ = tok_.pos.line;
    LexError err;
    if (!lex_.next(&tok_, &err)) fail(err.message, err.pos);
  }

  bool at(Tok t) const { return tok_.type == t; }
  bool at_word(const char* w) const {
    return tok_.type == Tok::kIdentifier && !tok_.escaped && is(tok_.value, w);
  }
  bool eat(Tok t) {
    if (!at(t)) return false;
    advance();
    return true;
  }
  void expect(Tok t) {
    if (!eat(t)) unexpected();
  }
  void expect_word(const char* w) {
    if (!at_word(w)) unexpected();
    advance();
  }

  // Automatic semicolon insertion (12.10).
  void consume_semicolon() {
    if (eat(Tok::kSemicolon)) return;
    if (at(Tok::kRBrace) || at(Tok::kEof) || tok_.newline_before) return;
    unexpected();
  }

  FunctionState& fn() { return *functions_.back(); }

  template <typename T, typename... A>
  T* make(Pos p, A&&... args) {
    return ast_.make<T>(p, std::forward<A>(args)...);
  }

  void finish(Node* n) { n->end = prev_end_; }

  void check_depth() {
    if (++depth_ > 1500) fail("too much nesting");
  }
  struct DepthGuard {
    Parser* p;
    explicit DepthGuard(Parser* p) : p(p) { p->check_depth(); }
    ~DepthGuard() { --p->depth_; }
  };

  // ---- identifiers (parser.cpp) ----

  void check_binding_name(const std::u16string& name, Pos pos);
  Identifier* parse_identifier_reference();
  Identifier* parse_binding_identifier();
  Identifier* parse_identifier_name();
  void mark_uses_arguments();
  void mark_uses_this();

  // ---- statements (parse_statements.cpp) ----

  Node* parse_statement_list_item();
  bool let_starts_declaration();
  bool async_function_ahead();
  // At `async`: `async function` follows on the same line (a declaration,
  // not an async arrow).
  bool async_declaration_ahead();
  Node* parse_statement();
  BlockStatement* parse_block();
  VariableDeclaration* parse_variable_declaration(DeclKind kind, bool in_for);
  Node* parse_variable_statement(DeclKind kind);
  Node* parse_if();
  Node* parse_loop_body();
  Node* parse_for();
  Node* parse_for_in_of(Pos p, Node* left, bool of, bool is_await);
  Node* parse_while();
  Node* parse_do_while();
  Node* parse_return();
  Node* parse_jump();
  Node* parse_throw();
  Node* parse_try();
  Node* parse_switch();
  Node* parse_labeled();

  // ---- modules (parse_modules.cpp) ----

  Node* parse_module_item();
  Node* parse_import_declaration();
  Node* parse_export_declaration();
  Node* parse_import_expression();
  std::u16string parse_module_export_name(bool* was_string);
  std::u16string parse_from_clause();
  void add_export_name(const std::u16string& name, Pos at);
  bool module_ = false;                         // the Module goal (16.2)
  std::vector<std::u16string> exported_names_;  // ExportedNames, for duplicates
  bool top_level_await_ = false;

  // ---- functions, arrow functions and classes (parse_functions.cpp) ----

  Node* parse_function_declaration(bool is_async = false);
  FunctionNode* parse_function_expression();
  void parse_function_rest(FunctionNode* f, FunctionKind kind, bool derived = false);
  bool eat_star();
  Node* parse_async_function_or_arrow();
  Node* parse_yield(bool allow_in);
  void parse_params(FunctionNode* f, Tok close);
  static void collect_bound_names(Node* n, std::vector<const Identifier*>& out);
  // A "use strict" directive in a function with a non-simple parameter
  // list is an early error (15.2.1).
  void check_no_use_strict(const FunctionNode* f);
  Node* parse_class(bool declaration);
  // `static { ... }` in a class body (15.7.1): a method-like body run with
  // this = the class.
  FunctionNode* parse_static_block();
  // Private names (15.7.1 early errors): every `#x` a class body refers to
  // must be declared by that class or an enclosing one; checked when the
  // outermost class body ends.
  struct PrivateScope {
    std::vector<std::pair<std::u16string, int>>
        declared;  // name, kind bits (1 get, 2 set, 4 other)
    std::vector<std::pair<std::u16string, Pos>> refs;
  };
  std::vector<PrivateScope> private_scopes_;
  const Identifier* last_await_ref_ = nullptr;  // the last `await` read as an identifier
  Identifier* private_reference();              // at a kPrivateName token: "#x", recorded
  static bool key_is(Node* key, const char* name);
  Node* parse_arrow_from_identifier(bool is_async = false);
  Node* parse_arrow_from_parens(bool is_async = false);
  void parse_arrow_body(FunctionNode* f);

  // ---- expressions (parse_expressions.cpp) ----

  Node* parse_expression();
  Node* parse_expression_no_in();
  static bool assign_op(Tok t, Op* op);
  Node* parse_assignment(bool allow_in);
  void check_simple_target(Node* n);
  // A `{ x = 1 }` left in an object literal that did not become a pattern
  // (searching nested array and object literals): its position in
  // cover_init_pos_.
  bool has_cover_init(Node* n);
  static bool ends_operand(Tok t);
  bool arrow_ahead();
  Node* parse_conditional(bool allow_in);
  int precedence(bool allow_in, Op* op, NodeKind* kind) const;
  Node* parse_binary(int min_prec, bool allow_in);
  [[noreturn]] void unexpected_nullish_mix();

  bool left_parenthesized(Node* n) const { return parenthesized_.count(n) != 0; }

  Node* parse_unary();
  Node* parse_postfix();
  Node* parse_left_hand_side();
  MemberExpression* parse_member(Pos p, Node* object, bool computed, bool optional);
  Node* parse_super();
  Node* parse_new();
  void parse_arguments(NodeList& args);
  Node* parse_primary();
  TemplateLiteral* parse_template(bool tagged);
  Node* parse_regexp_literal();
  Node* parse_array_literal();
  Node* parse_property_key(bool* computed);
  Node* parse_object_literal();

  // ---- names for anonymous functions, NamedEvaluation (parse_functions.cpp) ----

  void set_inferred_name_from_key(std::u16string& out, Node* key, bool computed,
                                  ClassMember::Kind kind);
  static std::string number_text(double d);
  void name_anonymous(Node* value, Node* target);
  void name_anonymous_to(Node* value, const std::u16string& name);

  // ---- patterns (parse_patterns.cpp) ----

  Node* parse_binding_target();
  Node* parse_binding_element();
  Node* parse_array_binding();
  Node* parse_object_binding();
  Node* to_assignment_target(Node* e, bool top);
  Node* to_assignment_element(Node* e);

  std::string_view src_;
  Lexer lex_;
  Ast& ast_;
  Token tok_;
  std::uint32_t prev_end_ = 0;
  std::uint32_t prev_line_ = 1;
  std::vector<FunctionState*> functions_;
  int depth_ = 0;
  std::unordered_set<const Node*> parenthesized_;
  Pos cover_init_pos_;
  // Set by `for (` before its head: the outermost expression may be a
  // for-in/of target (checked by to_assignment_target instead).
  bool defer_cover_init_ = false;
};

}  // namespace kite::parser
