// Statements and declarations (ECMA-262 14): blocks, variable
// declarations, if, loops, return, break/continue with labels, throw, try
// and switch, with their early errors.
#include "parser/parser_internal.h"

#include <string>
#include <utility>

#include "util/unicode.h"

namespace kite::parser {

Node* Parser::parse_statement_list_item() {
  if (at(Tok::kIdentifier) && !tok_.escaped) {
    if (is(tok_.value, "function")) return parse_function_declaration();
    if (is(tok_.value, "class")) return parse_class(true);
    if (is(tok_.value, "const")) return parse_variable_statement(DeclKind::kConst);
    if (is(tok_.value, "let") && let_starts_declaration())
      return parse_variable_statement(DeclKind::kLet);
    if (is(tok_.value, "async") && async_function_ahead()) {
      Lexer::State s = lex_.save();
      Token saved = tok_;
      advance();
      bool declaration = at_word("function");
      lex_.restore(s);
      tok_ = saved;
      if (declaration) return parse_function_declaration(true);
    }
    if (is(tok_.value, "import") || is(tok_.value, "export")) {
      Lexer::State s = lex_.save();
      Token saved = tok_;
      advance();
      bool dynamic = at(Tok::kLParen) || at(Tok::kDot);
      lex_.restore(s);
      tok_ = saved;
      if (!dynamic) fail("Cannot use import statement outside a module");
    }
  }
  return parse_statement();
}

bool Parser::let_starts_declaration() {
  Lexer::State s = lex_.save();
  Token saved = tok_;
  advance();
  bool decl = at(Tok::kIdentifier) || at(Tok::kLBracket) || at(Tok::kLBrace);
  lex_.restore(s);
  tok_ = saved;
  return decl;
}

bool Parser::async_function_ahead() {
  Lexer::State s = lex_.save();
  Token saved = tok_;
  advance();
  bool yes =
      !tok_.newline_before && (at_word("function") || at(Tok::kIdentifier) || at(Tok::kLParen));
  if (yes && at(Tok::kLParen)) {
    // async(...) => : only an arrow is an async function; a call is fine.
    yes = arrow_ahead();
  } else if (yes && at(Tok::kIdentifier) && !at_word("function")) {
    advance();
    yes = at(Tok::kArrow);
  }
  lex_.restore(s);
  tok_ = saved;
  return yes;
}

bool Parser::async_declaration_ahead() {
  Lexer::State s = lex_.save();
  Token saved = tok_;
  advance();
  bool yes = !tok_.newline_before && at_word("function");
  lex_.restore(s);
  tok_ = saved;
  return yes;
}

Node* Parser::parse_statement() {
  DepthGuard g(this);
  Pos p = tok_.pos;
  switch (tok_.type) {
    case Tok::kLBrace:
      return parse_block();
    case Tok::kSemicolon: {
      advance();
      Node* n = make<SimpleNode>(p, NodeKind::kEmptyStatement);
      finish(n);
      return n;
    }
    case Tok::kIdentifier:
      if (!tok_.escaped) {
        const std::u16string& w = tok_.value;
        if (is(w, "var")) return parse_variable_statement(DeclKind::kVar);
        if (is(w, "if")) return parse_if();
        if (is(w, "for")) return parse_for();
        if (is(w, "while")) return parse_while();
        if (is(w, "do")) return parse_do_while();
        if (is(w, "return")) return parse_return();
        if (is(w, "break") || is(w, "continue")) return parse_jump();
        if (is(w, "throw")) return parse_throw();
        if (is(w, "try")) return parse_try();
        if (is(w, "switch")) return parse_switch();
        if (is(w, "debugger")) {
          advance();
          consume_semicolon();
          Node* n = make<SimpleNode>(p, NodeKind::kDebuggerStatement);
          finish(n);
          return n;
        }
        if (is(w, "with")) fail("Strict mode code may not include a with statement");
        if (is(w, "function")) {
          fail(
              "In strict mode code, functions can only be declared at top level or inside a "
              "block.");
        }
        if (is(w, "class")) unexpected();
        if (is(w, "async") && async_declaration_ahead()) {
          fail("Async functions can only be declared at the top level or inside a block.");
        }
        if (is(w, "const")) fail("Lexical declaration cannot appear in a single-statement context");
        if (is(w, "let") && let_starts_declaration()) {
          fail("Lexical declaration cannot appear in a single-statement context");
        }
        // Labelled statement?
        if (!is_reserved(w)) {
          Lexer::State s = lex_.save();
          Token saved = tok_;
          advance();
          bool label = at(Tok::kColon);
          lex_.restore(s);
          tok_ = saved;
          if (label) return parse_labeled();
        }
      }
      break;
    default:
      break;
  }
  ExpressionStatement* st = make<ExpressionStatement>(p);
  st->expression = parse_expression();
  consume_semicolon();
  finish(st);
  return st;
}

BlockStatement* Parser::parse_block() {
  BlockStatement* b = make<BlockStatement>(tok_.pos);
  expect(Tok::kLBrace);
  while (!at(Tok::kRBrace)) {
    if (at(Tok::kEof)) unexpected();
    b->body.push_back(parse_statement_list_item());
  }
  advance();
  finish(b);
  return b;
}

VariableDeclaration* Parser::parse_variable_declaration(DeclKind kind, bool in_for) {
  VariableDeclaration* d = make<VariableDeclaration>(tok_.pos);
  d->decl_kind = kind;
  advance();  // var / let / const
  for (;;) {
    VariableDeclarator decl;
    decl.pos = tok_.pos;
    decl.id = parse_binding_target();
    if (kind != DeclKind::kVar && decl.id->kind == NodeKind::kIdentifier &&
        is(static_cast<Identifier*>(decl.id)->name, "let")) {
      fail("let is disallowed as a lexically bound name", decl.pos);
    }
    if (eat(Tok::kAssign)) {
      decl.init = parse_assignment(!in_for);
      name_anonymous(decl.init, decl.id);
    } else if (!in_for) {
      if (kind == DeclKind::kConst) fail("Missing initializer in const declaration");
      if (decl.id->kind != NodeKind::kIdentifier)
        fail("Missing initializer in destructuring declaration");
    }
    d->declarations.push_back(decl);
    if (!eat(Tok::kComma)) break;
  }
  finish(d);
  return d;
}

Node* Parser::parse_variable_statement(DeclKind kind) {
  VariableDeclaration* d = parse_variable_declaration(kind, false);
  consume_semicolon();
  finish(d);
  return d;
}

Node* Parser::parse_if() {
  IfStatement* s = make<IfStatement>(tok_.pos);
  advance();
  expect(Tok::kLParen);
  s->test = parse_expression();
  expect(Tok::kRParen);
  s->consequent = parse_statement();
  if (at_word("else")) {
    advance();
    s->alternate = parse_statement();
  }
  finish(s);
  return s;
}

Node* Parser::parse_loop_body() {
  ++fn().loop_depth;
  Node* body = parse_statement();
  --fn().loop_depth;
  return body;
}

Node* Parser::parse_for() {
  Pos p = tok_.pos;
  advance();
  bool is_await = false;
  if (at_word("await")) {
    if (!fn().in_async) fail("for await is only valid in async functions");
    if (functions_.size() == 1) top_level_await_ = true;
    advance();
    is_await = true;
  }
  expect(Tok::kLParen);
  Node* init = nullptr;
  if (at(Tok::kSemicolon)) {
    // no init
  } else if (at_word("var") || at_word("const") || (at_word("let") && let_starts_declaration())) {
    DeclKind kind = at_word("var")   ? DeclKind::kVar
                    : at_word("let") ? DeclKind::kLet
                                     : DeclKind::kConst;
    VariableDeclaration* d = parse_variable_declaration(kind, true);
    if ((at_word("of") || at_word("in")) && d->declarations.size() == 1) {
      bool of = at_word("of");
      if (d->declarations[0].init != nullptr) {
        fail(std::string(of ? "for-of" : "for-in") +
             " loop variable declaration may not have an initializer.");
      }
      if (is_await && !of) unexpected();
      return parse_for_in_of(p, d, of, is_await);
    }
    for (const auto& decl : d->declarations) {
      if (decl.init == nullptr &&
          (kind == DeclKind::kConst || decl.id->kind != NodeKind::kIdentifier)) {
        fail(kind == DeclKind::kConst ? "Missing initializer in const declaration"
                                      : "Missing initializer in destructuring declaration",
             decl.pos);
      }
    }
    init = d;
  } else {
    Pos ep = tok_.pos;
    bool starts_with_let = at_word("let");
    defer_cover_init_ = true;  // `for ({ x = 1 } of ...)` is a pattern
    Node* e = parse_expression_no_in();
    if (at_word("of") || at_word("in")) {
      bool of = at_word("of");
      if (of && starts_with_let) fail("The left-hand side of a for-of loop may not be 'let'.", ep);
      Node* target = to_assignment_target(e, true);
      if (is_await && !of) unexpected();
      return parse_for_in_of(p, target, of, is_await);
    }
    init = e;
  }
  if (is_await) unexpected();
  ForStatement* s = make<ForStatement>(p);
  s->init = init;
  expect(Tok::kSemicolon);
  if (!at(Tok::kSemicolon)) s->test = parse_expression();
  expect(Tok::kSemicolon);
  if (!at(Tok::kRParen)) s->update = parse_expression();
  expect(Tok::kRParen);
  s->body = parse_loop_body();
  finish(s);
  return s;
}

Node* Parser::parse_for_in_of(Pos p, Node* left, bool of, bool is_await) {
  ForInOfStatement* s =
      make<ForInOfStatement>(p, of ? NodeKind::kForOfStatement : NodeKind::kForInStatement);
  s->is_await = is_await;
  advance();  // of / in
  s->left = left;
  s->right = of ? parse_assignment(true) : parse_expression();
  expect(Tok::kRParen);
  s->body = parse_loop_body();
  finish(s);
  return s;
}

Node* Parser::parse_while() {
  WhileStatement* s = make<WhileStatement>(tok_.pos, NodeKind::kWhileStatement);
  advance();
  expect(Tok::kLParen);
  s->test = parse_expression();
  expect(Tok::kRParen);
  s->body = parse_loop_body();
  finish(s);
  return s;
}

Node* Parser::parse_do_while() {
  WhileStatement* s = make<WhileStatement>(tok_.pos, NodeKind::kDoWhileStatement);
  advance();
  s->body = parse_loop_body();
  expect_word("while");
  expect(Tok::kLParen);
  s->test = parse_expression();
  expect(Tok::kRParen);
  eat(Tok::kSemicolon);  // ASI after do-while is always allowed
  finish(s);
  return s;
}

Node* Parser::parse_return() {
  Pos p = tok_.pos;
  if (fn().is_script || fn().in_static_block) fail("Illegal return statement");
  ReturnStatement* s = make<ReturnStatement>(p);
  advance();
  if (!at(Tok::kSemicolon) && !at(Tok::kRBrace) && !at(Tok::kEof) && !tok_.newline_before) {
    s->argument = parse_expression();
  }
  consume_semicolon();
  finish(s);
  return s;
}

Node* Parser::parse_jump() {
  bool is_break = is(tok_.value, "break");
  JumpStatement* s = make<JumpStatement>(
      tok_.pos, is_break ? NodeKind::kBreakStatement : NodeKind::kContinueStatement);
  Pos p = tok_.pos;
  advance();
  if (at(Tok::kIdentifier) && !tok_.newline_before && !is_reserved(tok_.value)) {
    s->label = parse_identifier_name();
    bool found = false;
    for (const auto& [name, is_loop] : fn().labels) {
      if (name == s->label->name) {
        found = true;
        if (!is_break && !is_loop) {
          fail("Illegal continue statement: '" + util::utf16_to_utf8(name) +
                   "' does not denote an iteration statement",
               p);
        }
      }
    }
    if (!found)
      fail("Undefined label '" + util::utf16_to_utf8(s->label->name) + "'", s->label->pos);
  } else if (is_break) {
    if (fn().loop_depth == 0 && fn().switch_depth == 0) fail("Illegal break statement", p);
  } else if (fn().loop_depth == 0) {
    fail("Illegal continue statement: no surrounding iteration statement", p);
  }
  consume_semicolon();
  finish(s);
  return s;
}

Node* Parser::parse_throw() {
  ThrowStatement* s = make<ThrowStatement>(tok_.pos);
  advance();
  if (tok_.newline_before) fail("Illegal newline after throw");
  s->argument = parse_expression();
  consume_semicolon();
  finish(s);
  return s;
}

Node* Parser::parse_try() {
  TryStatement* s = make<TryStatement>(tok_.pos);
  advance();
  s->block = parse_block();
  if (at_word("catch")) {
    advance();
    if (eat(Tok::kLParen)) {
      s->param = parse_binding_target();
      expect(Tok::kRParen);
    }
    s->handler = parse_block();
  }
  if (at_word("finally")) {
    advance();
    s->finalizer = parse_block();
  }
  if (s->handler == nullptr && s->finalizer == nullptr) fail("Missing catch or finally after try");
  finish(s);
  return s;
}

Node* Parser::parse_switch() {
  SwitchStatement* s = make<SwitchStatement>(tok_.pos);
  advance();
  expect(Tok::kLParen);
  s->discriminant = parse_expression();
  expect(Tok::kRParen);
  expect(Tok::kLBrace);
  ++fn().switch_depth;
  bool seen_default = false;
  while (!eat(Tok::kRBrace)) {
    SwitchCase c;
    c.pos = tok_.pos;
    if (at_word("case")) {
      advance();
      c.test = parse_expression();
    } else if (at_word("default")) {
      if (seen_default) fail("More than one default clause in switch statement");
      seen_default = true;
      advance();
    } else {
      unexpected();
    }
    expect(Tok::kColon);
    while (!at(Tok::kRBrace) && !at_word("case") && !at_word("default")) {
      if (at(Tok::kEof)) unexpected();
      c.consequent.push_back(parse_statement_list_item());
    }
    s->cases.push_back(std::move(c));
  }
  --fn().switch_depth;
  finish(s);
  return s;
}

Node* Parser::parse_labeled() {
  LabeledStatement* s = make<LabeledStatement>(tok_.pos);
  if (is(tok_.value, "await") || is(tok_.value, "yield")) unexpected();
  s->label = parse_identifier_name();
  for (const auto& l : fn().labels) {
    if (l.first == s->label->name)
      fail("Label '" + util::utf16_to_utf8(l.first) + "' has already been declared", s->label->pos);
  }
  expect(Tok::kColon);
  bool is_loop = at_word("for") || at_word("while") || at_word("do");
  if (at_word("function"))
    fail("In strict mode code, functions can only be declared at top level or inside a block.");
  if (at_word("async") && async_declaration_ahead()) {
    fail("Async functions can only be declared at the top level or inside a block.");
  }
  fn().labels.emplace_back(s->label->name, is_loop);
  s->body = parse_statement();
  fn().labels.pop_back();
  finish(s);
  return s;
}

}  // namespace kite::parser
