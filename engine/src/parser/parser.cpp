// Recursive-descent parser with precedence climbing for binary operators.
// Arrow functions are recognized by scanning ahead to the matching `)` and
// checking for `=>`; destructuring assignment reinterprets an object or
// array literal as a pattern (the cover grammar of ECMA-262 13.15.5).
#include "parser/parser.h"

#include <string>
#include <unordered_set>
#include <vector>

#include "parser/lexer.h"
#include "regexp/regexp.h"
#include "util/unicode.h"

namespace kite::parser {

namespace {

struct ParseFailure {
  SyntaxError error;
};

bool is(const std::u16string& a, const char* b) {
  std::size_t n = 0;
  for (; b[n] != '\0'; ++n) {
    if (n >= a.size() || a[n] != static_cast<char16_t>(b[n])) return false;
  }
  return n == a.size();
}

const char* const kReserved[] = {
    "break",  "case",   "catch", "class",      "const",   "continue", "debugger", "default",
    "delete", "do",     "else",  "export",     "extends", "finally",  "for",      "function",
    "if",     "import", "in",    "instanceof", "new",     "return",   "super",    "switch",
    "this",   "throw",  "try",   "typeof",     "var",     "void",     "while",    "with",
    "null",   "true",   "false", "enum"};
const char* const kStrictReserved[] = {"implements", "interface", "package", "private", "protected",
                                       "public",     "static",    "yield",   "let"};

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

class Parser {
 public:
  Parser(std::string_view source, Ast& ast) : src_(source), lex_(source), ast_(ast) {}

  Program* parse_program() {
    advance();
    Program* p = ast_.make<Program>(tok_.pos);
    FunctionState fs;
    fs.is_script = true;
    functions_.push_back(&fs);
    while (tok_.type != Tok::kEof) p->body.push_back(parse_statement_list_item());
    functions_.pop_back();
    p->end = static_cast<std::uint32_t>(src_.size());
    return p;
  }

 private:
  // Per-function parse state for early errors.
  struct FunctionState {
    bool is_script = false;
    bool is_arrow = false;
    bool in_method = false;       // super.x allowed
    bool in_constructor = false;  // super() allowed (derived)
    int loop_depth = 0;
    int switch_depth = 0;
    std::vector<std::pair<std::u16string, bool>> labels;  // name, is a loop label
    FunctionNode* node = nullptr;
  };

  // ---- tokens ----

  [[noreturn]] void fail(const std::string& msg, Pos at) {
    throw ParseFailure{SyntaxError{msg, at.line, at.column, at.offset}};
  }
  [[noreturn]] void fail(const std::string& msg) { fail(msg, tok_.pos); }

  [[noreturn]] void unexpected() {
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

  // ---- identifiers ----

  void check_binding_name(const std::u16string& name, Pos pos) {
    if (is(name, "eval") || is(name, "arguments"))
      fail("Unexpected eval or arguments in strict mode", pos);
    if (is_reserved(name)) fail("Unexpected token '" + util::utf16_to_utf8(name) + "'", pos);
    if (is_strict_reserved(name)) fail("Unexpected strict mode reserved word", pos);
  }

  Identifier* parse_identifier_reference() {
    if (!at(Tok::kIdentifier)) unexpected();
    if (!tok_.escaped || true) {
      if (is_reserved(tok_.value)) unexpected();
      if (is_strict_reserved(tok_.value) && !is(tok_.value, "let") && !is(tok_.value, "static"))
        unexpected();
      if (is(tok_.value, "let") || is(tok_.value, "static") || is(tok_.value, "yield")) {
        fail("Unexpected strict mode reserved word");
      }
    }
    if (is(tok_.value, "await")) fail("async functions are not supported yet");
    Identifier* id = make<Identifier>(tok_.pos);
    id->name = tok_.value;
    if (is(id->name, "arguments")) mark_uses_arguments();
    advance();
    finish(id);
    return id;
  }

  Identifier* parse_binding_identifier() {
    if (!at(Tok::kIdentifier)) unexpected();
    check_binding_name(tok_.value, tok_.pos);
    Identifier* id = make<Identifier>(tok_.pos);
    id->name = tok_.value;
    advance();
    finish(id);
    return id;
  }

  // Any IdentifierName (property names after `.`, keys).
  Identifier* parse_identifier_name() {
    if (!at(Tok::kIdentifier)) unexpected();
    Identifier* id = make<Identifier>(tok_.pos);
    id->name = tok_.value;
    advance();
    finish(id);
    return id;
  }

  void mark_uses_arguments() {
    for (auto it = functions_.rbegin(); it != functions_.rend(); ++it) {
      if ((*it)->node != nullptr) (*it)->node->uses_arguments = true;
      if (!(*it)->is_arrow) break;
    }
  }
  void mark_uses_this() {
    for (auto it = functions_.rbegin(); it != functions_.rend(); ++it) {
      if ((*it)->node != nullptr) (*it)->node->uses_this = true;
      if (!(*it)->is_arrow) break;
    }
  }

  // ---- statements ----

  Node* parse_statement_list_item() {
    if (at(Tok::kIdentifier) && !tok_.escaped) {
      if (is(tok_.value, "function")) return parse_function_declaration();
      if (is(tok_.value, "class")) return parse_class(true);
      if (is(tok_.value, "const")) return parse_variable_statement(DeclKind::kConst);
      if (is(tok_.value, "let") && let_starts_declaration())
        return parse_variable_statement(DeclKind::kLet);
      if (is(tok_.value, "async") && async_function_ahead())
        fail("async functions are not supported yet");
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

  bool let_starts_declaration() {
    Lexer::State s = lex_.save();
    Token saved = tok_;
    advance();
    bool decl = at(Tok::kIdentifier) || at(Tok::kLBracket) || at(Tok::kLBrace);
    lex_.restore(s);
    tok_ = saved;
    return decl;
  }

  bool async_function_ahead() {
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

  Node* parse_statement() {
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
          if (is(w, "function"))
            fail(
                "In strict mode code, functions can only be declared at top level or inside a "
                "block.");
          if (is(w, "class")) unexpected();
          if (is(w, "const"))
            fail("Lexical declaration cannot appear in a single-statement context");
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

  BlockStatement* parse_block() {
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

  VariableDeclaration* parse_variable_declaration(DeclKind kind, bool in_for) {
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

  Node* parse_variable_statement(DeclKind kind) {
    VariableDeclaration* d = parse_variable_declaration(kind, false);
    consume_semicolon();
    finish(d);
    return d;
  }

  Node* parse_if() {
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

  Node* parse_loop_body() {
    ++fn().loop_depth;
    Node* body = parse_statement();
    --fn().loop_depth;
    return body;
  }

  Node* parse_for() {
    Pos p = tok_.pos;
    advance();
    if (at_word("await")) fail("async functions are not supported yet");
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
        return parse_for_in_of(p, d, of);
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
      Node* e = parse_expression_no_in();
      if (at_word("of") || at_word("in")) {
        bool of = at_word("of");
        if (of && starts_with_let)
          fail("The left-hand side of a for-of loop may not be 'let'.", ep);
        Node* target = to_assignment_target(e, true);
        return parse_for_in_of(p, target, of);
      }
      init = e;
    }
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

  Node* parse_for_in_of(Pos p, Node* left, bool of) {
    ForInOfStatement* s =
        make<ForInOfStatement>(p, of ? NodeKind::kForOfStatement : NodeKind::kForInStatement);
    advance();  // of / in
    s->left = left;
    s->right = of ? parse_assignment(true) : parse_expression();
    expect(Tok::kRParen);
    s->body = parse_loop_body();
    finish(s);
    return s;
  }

  Node* parse_while() {
    WhileStatement* s = make<WhileStatement>(tok_.pos, NodeKind::kWhileStatement);
    advance();
    expect(Tok::kLParen);
    s->test = parse_expression();
    expect(Tok::kRParen);
    s->body = parse_loop_body();
    finish(s);
    return s;
  }

  Node* parse_do_while() {
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

  Node* parse_return() {
    Pos p = tok_.pos;
    if (fn().is_script) fail("Illegal return statement");
    ReturnStatement* s = make<ReturnStatement>(p);
    advance();
    if (!at(Tok::kSemicolon) && !at(Tok::kRBrace) && !at(Tok::kEof) && !tok_.newline_before) {
      s->argument = parse_expression();
    }
    consume_semicolon();
    finish(s);
    return s;
  }

  Node* parse_jump() {
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
          if (!is_break && !is_loop)
            fail("Illegal continue statement: '" + util::utf16_to_utf8(name) +
                     "' does not denote an iteration statement",
                 p);
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

  Node* parse_throw() {
    ThrowStatement* s = make<ThrowStatement>(tok_.pos);
    advance();
    if (tok_.newline_before) fail("Illegal newline after throw");
    s->argument = parse_expression();
    consume_semicolon();
    finish(s);
    return s;
  }

  Node* parse_try() {
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
    if (s->handler == nullptr && s->finalizer == nullptr)
      fail("Missing catch or finally after try");
    finish(s);
    return s;
  }

  Node* parse_switch() {
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

  Node* parse_labeled() {
    LabeledStatement* s = make<LabeledStatement>(tok_.pos);
    if (is(tok_.value, "await") || is(tok_.value, "yield")) unexpected();
    s->label = parse_identifier_name();
    for (const auto& l : fn().labels) {
      if (l.first == s->label->name)
        fail("Label '" + util::utf16_to_utf8(l.first) + "' has already been declared",
             s->label->pos);
    }
    expect(Tok::kColon);
    bool is_loop = at_word("for") || at_word("while") || at_word("do");
    if (at_word("function"))
      fail("In strict mode code, functions can only be declared at top level or inside a block.");
    fn().labels.emplace_back(s->label->name, is_loop);
    s->body = parse_statement();
    fn().labels.pop_back();
    finish(s);
    return s;
  }

  // ---- functions and classes ----

  Node* parse_function_declaration() {
    Pos p = tok_.pos;
    advance();
    if (at(Tok::kStar)) fail("generators are not supported yet");
    Identifier* id = parse_binding_identifier();
    FunctionNode* f = make<FunctionNode>(p, NodeKind::kFunctionDeclaration);
    f->id = id;
    f->source_start = p.offset;
    parse_function_rest(f, FunctionKind::kNormal);
    return f;
  }

  FunctionNode* parse_function_expression() {
    Pos p = tok_.pos;
    advance();
    if (at(Tok::kStar)) fail("generators are not supported yet");
    FunctionNode* f = make<FunctionNode>(p, NodeKind::kFunctionExpression);
    f->source_start = p.offset;
    if (at(Tok::kIdentifier)) f->id = parse_binding_identifier();
    parse_function_rest(f, FunctionKind::kNormal);
    return f;
  }

  // Parameters and body, from `(`.
  void parse_function_rest(FunctionNode* f, FunctionKind kind, bool derived = false) {
    f->function_kind = kind;
    f->is_derived_constructor = derived;
    FunctionState fs;
    fs.node = f;
    fs.in_method = kind != FunctionKind::kNormal;
    fs.in_constructor = derived;
    functions_.push_back(&fs);
    expect(Tok::kLParen);
    parse_params(f, Tok::kRParen);
    if (kind == FunctionKind::kGetter && !f->params.empty())
      fail("Getter must not have any formal parameters.", f->params[0]->pos);
    if (kind == FunctionKind::kSetter &&
        (f->params.size() != 1 || f->params[0]->kind == NodeKind::kRestElement)) {
      fail("Setter must have exactly one formal parameter.");
    }
    expect(Tok::kLBrace);
    while (!at(Tok::kRBrace)) {
      if (at(Tok::kEof)) unexpected();
      f->body.push_back(parse_statement_list_item());
    }
    advance();
    functions_.pop_back();
    f->source_end = prev_end_;
    finish(f);
  }

  void parse_params(FunctionNode* f, Tok close) {
    while (!at(close)) {
      if (at(Tok::kEllipsis)) {
        RestElement* r = make<RestElement>(tok_.pos);
        advance();
        r->argument = parse_binding_target();
        finish(r);
        f->params.push_back(r);
        f->simple_params = false;
        if (at(Tok::kComma)) fail("Rest parameter must be last formal parameter");
        break;
      }
      Node* target = parse_binding_element();
      if (target->kind != NodeKind::kIdentifier) f->simple_params = false;
      f->params.push_back(target);
      if (!eat(Tok::kComma)) break;
    }
    expect(close);
    // Duplicate parameter names are an early error in strict mode.
    std::vector<const Identifier*> names;
    for (Node* p : f->params) collect_bound_names(p, names);
    for (std::size_t i = 0; i < names.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (names[i]->name == names[j]->name)
          fail("Duplicate parameter name not allowed in this context", names[i]->pos);
      }
    }
  }

  static void collect_bound_names(Node* n, std::vector<const Identifier*>& out) {
    if (n == nullptr) return;
    switch (n->kind) {
      case NodeKind::kIdentifier:
        out.push_back(static_cast<Identifier*>(n));
        break;
      case NodeKind::kAssignmentPattern:
        collect_bound_names(static_cast<AssignmentPattern*>(n)->target, out);
        break;
      case NodeKind::kRestElement:
        collect_bound_names(static_cast<RestElement*>(n)->argument, out);
        break;
      case NodeKind::kArrayPattern:
        for (Node* e : static_cast<ArrayPattern*>(n)->elements) collect_bound_names(e, out);
        break;
      case NodeKind::kObjectPattern:
        for (auto& p : static_cast<ObjectPattern*>(n)->properties) {
          collect_bound_names(p.spread != nullptr ? p.spread : p.value, out);
        }
        break;
      default:
        break;
    }
  }

  // ClassDeclaration / ClassExpression (15.7).
  Node* parse_class(bool declaration) {
    Pos p = tok_.pos;
    advance();
    ClassNode* c =
        make<ClassNode>(p, declaration ? NodeKind::kClassDeclaration : NodeKind::kClassExpression);
    c->source_start = p.offset;
    if (at(Tok::kIdentifier) && !at_word("extends")) {
      c->id = parse_binding_identifier();
    } else if (declaration) {
      unexpected();
    }
    if (at_word("extends")) {
      advance();
      c->super_class = parse_left_hand_side();
    }
    expect(Tok::kLBrace);
    while (!eat(Tok::kRBrace)) {
      if (eat(Tok::kSemicolon)) continue;
      ClassMember m;
      m.pos = tok_.pos;
      if (at_word("static")) {
        Lexer::State s = lex_.save();
        Token saved = tok_;
        advance();
        bool is_name =
            at(Tok::kLParen) || at(Tok::kAssign) || at(Tok::kSemicolon) || at(Tok::kRBrace);
        lex_.restore(s);
        tok_ = saved;
        if (!is_name) {
          advance();
          m.is_static = true;
          if (at(Tok::kLBrace)) fail("class static blocks are not supported yet");
        }
      }
      if (at(Tok::kStar)) fail("generators are not supported yet");
      if (at_word("async")) {
        Lexer::State s = lex_.save();
        Token saved = tok_;
        advance();
        bool is_name =
            at(Tok::kLParen) || at(Tok::kAssign) || at(Tok::kSemicolon) || at(Tok::kRBrace);
        lex_.restore(s);
        tok_ = saved;
        if (!is_name && !tok_.newline_before) fail("async functions are not supported yet");
      }
      ClassMember::Kind kind = ClassMember::Kind::kMethod;
      if ((at_word("get") || at_word("set"))) {
        Lexer::State s = lex_.save();
        Token saved = tok_;
        bool getter = at_word("get");
        advance();
        bool is_name =
            at(Tok::kLParen) || at(Tok::kAssign) || at(Tok::kSemicolon) || at(Tok::kRBrace);
        if (is_name) {
          lex_.restore(s);
          tok_ = saved;
        } else {
          kind = getter ? ClassMember::Kind::kGetter : ClassMember::Kind::kSetter;
        }
      }
      if (at(Tok::kPrivateName) || at(Tok::kHash))
        fail("private class members are not supported yet");
      m.key = parse_property_key(&m.computed);
      bool is_ctor = !m.is_static && !m.computed && kind == ClassMember::Kind::kMethod &&
                     key_is(m.key, "constructor");
      if (at(Tok::kLParen)) {
        FunctionNode* f = make<FunctionNode>(tok_.pos, NodeKind::kFunctionExpression);
        f->source_start = m.pos.offset;
        if (is_ctor) {
          if (c->constructor != nullptr) fail("A class may only have one constructor", m.pos);
          parse_function_rest(f, FunctionKind::kClassConstructor, c->super_class != nullptr);
          c->constructor = f;
          continue;
        }
        if (!m.is_static && !m.computed && key_is(m.key, "constructor")) {
          fail("Class constructor may not be an accessor", m.pos);
        }
        parse_function_rest(f, kind == ClassMember::Kind::kGetter   ? FunctionKind::kGetter
                               : kind == ClassMember::Kind::kSetter ? FunctionKind::kSetter
                                                                    : FunctionKind::kMethod);
        set_inferred_name_from_key(f->inferred_name, m.key, m.computed, kind);
        m.kind = kind;
        m.function = f;
      } else {
        if (kind != ClassMember::Kind::kMethod) unexpected();
        if (!m.computed && key_is(m.key, "constructor"))
          fail("Classes may not have a field named 'constructor'", m.pos);
        m.kind = ClassMember::Kind::kField;
        if (eat(Tok::kAssign)) {
          // Field initializers behave like methods (this = the instance).
          FunctionState fs;
          FunctionNode* holder = make<FunctionNode>(tok_.pos, NodeKind::kFunctionExpression);
          holder->function_kind = FunctionKind::kMethod;
          fs.node = holder;
          fs.in_method = true;
          functions_.push_back(&fs);
          m.value = parse_assignment(true);
          functions_.pop_back();
          if (holder->uses_arguments)
            fail(
                "'arguments' is not allowed in class field initializer or static initialization "
                "block");
          if (m.value->kind == NodeKind::kFunctionExpression ||
              m.value->kind == NodeKind::kClassExpression) {
            std::u16string name;
            set_inferred_name_from_key(name, m.key, m.computed, ClassMember::Kind::kMethod);
            name_anonymous_to(m.value, name);
          }
        }
        consume_semicolon();
      }
      c->members.push_back(m);
    }
    c->source_end = prev_end_;
    finish(c);
    return c;
  }

  static bool key_is(Node* key, const char* name) {
    if (key->kind == NodeKind::kIdentifier) return is(static_cast<Identifier*>(key)->name, name);
    if (key->kind == NodeKind::kStringLiteral)
      return is(static_cast<StringLiteral*>(key)->value, name);
    return false;
  }

  // ---- expressions ----

  Node* parse_expression() {
    Node* e = parse_assignment(true);
    if (!at(Tok::kComma)) return e;
    SequenceExpression* s = make<SequenceExpression>(e->pos);
    s->expressions.push_back(e);
    while (eat(Tok::kComma)) s->expressions.push_back(parse_assignment(true));
    finish(s);
    return s;
  }

  Node* parse_expression_no_in() {
    Node* e = parse_assignment(false);
    if (!at(Tok::kComma)) return e;
    SequenceExpression* s = make<SequenceExpression>(e->pos);
    s->expressions.push_back(e);
    while (eat(Tok::kComma)) s->expressions.push_back(parse_assignment(false));
    finish(s);
    return s;
  }

  static bool assign_op(Tok t, Op* op) {
    switch (t) {
      case Tok::kAssign:
        *op = Op::kAssign;
        return true;
      case Tok::kPlusAssign:
        *op = Op::kAdd;
        return true;
      case Tok::kMinusAssign:
        *op = Op::kSub;
        return true;
      case Tok::kStarAssign:
        *op = Op::kMul;
        return true;
      case Tok::kSlashAssign:
        *op = Op::kDiv;
        return true;
      case Tok::kPercentAssign:
        *op = Op::kMod;
        return true;
      case Tok::kStarStarAssign:
        *op = Op::kExp;
        return true;
      case Tok::kShlAssign:
        *op = Op::kShl;
        return true;
      case Tok::kShrAssign:
        *op = Op::kShr;
        return true;
      case Tok::kUShrAssign:
        *op = Op::kUShr;
        return true;
      case Tok::kAmpAssign:
        *op = Op::kBitAnd;
        return true;
      case Tok::kPipeAssign:
        *op = Op::kBitOr;
        return true;
      case Tok::kCaretAssign:
        *op = Op::kBitXor;
        return true;
      case Tok::kAndAndAssign:
        *op = Op::kAnd;
        return true;
      case Tok::kOrOrAssign:
        *op = Op::kOr;
        return true;
      case Tok::kQuestionQuestionAssign:
        *op = Op::kNullish;
        return true;
      default:
        return false;
    }
  }

  Node* parse_assignment(bool allow_in) {
    DepthGuard g(this);
    // Arrow functions.
    if (at(Tok::kIdentifier) && !tok_.escaped) {
      if (is(tok_.value, "async") && async_function_ahead())
        fail("async functions are not supported yet");
      if (is(tok_.value, "yield")) fail("generators are not supported yet");
      Lexer::State s = lex_.save();
      Token saved = tok_;
      advance();
      bool arrow = at(Tok::kArrow) && !tok_.newline_before;
      lex_.restore(s);
      tok_ = saved;
      if (arrow) return parse_arrow_from_identifier();
    }
    if (at(Tok::kLParen) && arrow_ahead()) return parse_arrow_from_parens();
    Pos p = tok_.pos;
    Node* left = parse_conditional(allow_in);
    Op op;
    if (assign_op(tok_.type, &op)) {
      Pos op_pos = tok_.pos;
      Node* target;
      if (op == Op::kAssign) {
        target = to_assignment_target(left, true);
      } else {
        if (left->kind != NodeKind::kIdentifier && left->kind != NodeKind::kMemberExpression) {
          fail("Invalid left-hand side in assignment", left->pos);
        }
        check_simple_target(left);
        target = left;
      }
      (void)op_pos;
      advance();
      AssignmentExpression* a = make<AssignmentExpression>(p);
      a->op = op;
      a->target = target;
      a->value = parse_assignment(allow_in);
      if (target->kind == NodeKind::kIdentifier &&
          (op == Op::kAssign || op == Op::kAnd || op == Op::kOr || op == Op::kNullish)) {
        name_anonymous(a->value, target);
      }
      finish(a);
      return a;
    }
    if (left->kind == NodeKind::kObjectExpression &&
        has_cover_init(static_cast<ObjectExpression*>(left))) {
      fail("Invalid shorthand property initializer", cover_init_pos_);
    }
    return left;
  }

  void check_simple_target(Node* n) {
    if (n->kind == NodeKind::kIdentifier) {
      const auto& name = static_cast<Identifier*>(n)->name;
      if (is(name, "eval") || is(name, "arguments"))
        fail("Unexpected eval or arguments in strict mode", n->pos);
    }
    if (n->kind == NodeKind::kMemberExpression && static_cast<MemberExpression*>(n)->optional) {
      fail("Invalid left-hand side in assignment", n->pos);
    }
  }

  bool has_cover_init(ObjectExpression* o) {
    for (auto& p : o->properties) {
      if (p.shorthand && p.value != nullptr && p.value->kind == NodeKind::kAssignmentPattern) {
        cover_init_pos_ = p.pos;
        return true;
      }
    }
    return false;
  }

  // Whether a token of this type can end an operand, so that a `/` after it
  // is division (a good guess for arrow_ahead's skim; the real parse knows).
  static bool ends_operand(Tok t) {
    switch (t) {
      case Tok::kIdentifier:
      case Tok::kNumber:
      case Tok::kString:
      case Tok::kTemplate:
      case Tok::kBigInt:
      case Tok::kPrivateName:
      case Tok::kRParen:
      case Tok::kRBracket:
      case Tok::kRBrace:
      case Tok::kRegExp:
      case Tok::kInc:
      case Tok::kDec:
        return true;
      default:
        return false;
    }
  }

  // Scans from `(` to its matching `)` and reports whether `=>` follows.
  bool arrow_ahead() {
    Lexer::State s = lex_.save();
    Token saved = tok_;
    std::uint32_t saved_prev = prev_end_;
    int depth = 0;
    std::vector<int> template_depths;
    bool result = false;
    Tok prev = Tok::kLParen;
    try {
      for (;;) {
        if ((at(Tok::kSlash) || at(Tok::kSlashAssign)) && !ends_operand(prev)) {
          // `/[(]/` must not count as a parenthesis.
          LexError err;
          if (!lex_.next_regexp(&tok_, &err)) break;
        }
        prev = tok_.type;
        if (at(Tok::kLParen) || at(Tok::kLBracket) || at(Tok::kLBrace)) {
          ++depth;
        } else if (at(Tok::kRParen) || at(Tok::kRBracket)) {
          --depth;
          if (depth == 0) {
            advance();
            result = at(Tok::kArrow) && !tok_.newline_before;
            break;
          }
        } else if (at(Tok::kRBrace)) {
          if (!template_depths.empty() && template_depths.back() == depth) {
            template_depths.pop_back();
            LexError err;
            if (!lex_.next_template_part(&tok_, &err)) break;
            if (!tok_.template_tail) template_depths.push_back(depth);
            advance();
            continue;
          }
          --depth;
        } else if (at(Tok::kTemplate)) {
          if (!tok_.template_tail) template_depths.push_back(depth);
        } else if (at(Tok::kEof)) {
          break;
        }
        advance();
      }
    } catch (ParseFailure&) {
      result = false;
    }
    lex_.restore(s);
    tok_ = saved;
    prev_end_ = saved_prev;
    return result;
  }

  Node* parse_arrow_from_identifier() {
    Pos p = tok_.pos;
    FunctionNode* f = make<FunctionNode>(p, NodeKind::kFunctionExpression);
    f->function_kind = FunctionKind::kArrow;
    f->source_start = p.offset;
    f->params.push_back(parse_binding_identifier());
    expect(Tok::kArrow);
    parse_arrow_body(f);
    return f;
  }

  Node* parse_arrow_from_parens() {
    Pos p = tok_.pos;
    FunctionNode* f = make<FunctionNode>(p, NodeKind::kFunctionExpression);
    f->function_kind = FunctionKind::kArrow;
    f->source_start = p.offset;
    FunctionState fs;
    fs.node = f;
    fs.is_arrow = true;
    functions_.push_back(&fs);
    expect(Tok::kLParen);
    parse_params(f, Tok::kRParen);
    functions_.pop_back();
    if (tok_.newline_before) unexpected();
    expect(Tok::kArrow);
    parse_arrow_body(f);
    return f;
  }

  void parse_arrow_body(FunctionNode* f) {
    FunctionState fs;
    fs.node = f;
    fs.is_arrow = true;
    FunctionState& outer = fn();
    fs.in_method = outer.in_method;
    fs.in_constructor = outer.in_constructor;
    functions_.push_back(&fs);
    if (at(Tok::kLBrace)) {
      advance();
      while (!at(Tok::kRBrace)) {
        if (at(Tok::kEof)) unexpected();
        f->body.push_back(parse_statement_list_item());
      }
      advance();
    } else {
      f->expression_body = parse_assignment(true);
    }
    functions_.pop_back();
    // Nested arrows share this/arguments with the enclosing function.
    if (f->uses_this) mark_uses_this();
    if (f->uses_arguments) mark_uses_arguments();
    f->source_end = prev_end_;
    finish(f);
  }

  Node* parse_conditional(bool allow_in) {
    Pos p = tok_.pos;
    Node* test = parse_binary(0, allow_in);
    if (!at(Tok::kQuestion)) return test;
    advance();
    ConditionalExpression* c = make<ConditionalExpression>(p);
    c->test = test;
    c->consequent = parse_assignment(true);
    expect(Tok::kColon);
    c->alternate = parse_assignment(allow_in);
    finish(c);
    return c;
  }

  // Binary operator precedence (higher binds tighter); 0 = not binary.
  int precedence(bool allow_in, Op* op, NodeKind* kind) const {
    *kind = NodeKind::kBinaryExpression;
    switch (tok_.type) {
      case Tok::kQuestionQuestion:
        *op = Op::kNullish;
        *kind = NodeKind::kLogicalExpression;
        return 1;
      case Tok::kOrOr:
        *op = Op::kOr;
        *kind = NodeKind::kLogicalExpression;
        return 2;
      case Tok::kAndAnd:
        *op = Op::kAnd;
        *kind = NodeKind::kLogicalExpression;
        return 3;
      case Tok::kPipe:
        *op = Op::kBitOr;
        return 4;
      case Tok::kCaret:
        *op = Op::kBitXor;
        return 5;
      case Tok::kAmp:
        *op = Op::kBitAnd;
        return 6;
      case Tok::kEq:
        *op = Op::kEq;
        return 7;
      case Tok::kNe:
        *op = Op::kNe;
        return 7;
      case Tok::kStrictEq:
        *op = Op::kStrictEq;
        return 7;
      case Tok::kStrictNe:
        *op = Op::kStrictNe;
        return 7;
      case Tok::kLt:
        *op = Op::kLt;
        return 8;
      case Tok::kGt:
        *op = Op::kGt;
        return 8;
      case Tok::kLe:
        *op = Op::kLe;
        return 8;
      case Tok::kGe:
        *op = Op::kGe;
        return 8;
      case Tok::kIdentifier:
        if (tok_.escaped) return 0;
        if (is(tok_.value, "instanceof")) {
          *op = Op::kInstanceOf;
          return 8;
        }
        if (allow_in && is(tok_.value, "in")) {
          *op = Op::kIn;
          return 8;
        }
        return 0;
      case Tok::kShl:
        *op = Op::kShl;
        return 9;
      case Tok::kShr:
        *op = Op::kShr;
        return 9;
      case Tok::kUShr:
        *op = Op::kUShr;
        return 9;
      case Tok::kPlus:
        *op = Op::kAdd;
        return 10;
      case Tok::kMinus:
        *op = Op::kSub;
        return 10;
      case Tok::kStar:
        *op = Op::kMul;
        return 11;
      case Tok::kSlash:
        *op = Op::kDiv;
        return 11;
      case Tok::kPercent:
        *op = Op::kMod;
        return 11;
      case Tok::kStarStar:
        *op = Op::kExp;
        return 12;
      default:
        return 0;
    }
  }

  Node* parse_binary(int min_prec, bool allow_in) {
    Pos p = tok_.pos;
    Node* left = parse_unary();
    for (;;) {
      Op op;
      NodeKind kind;
      int prec = precedence(allow_in, &op, &kind);
      if (prec == 0 || prec <= min_prec) {
        // ** is right-associative: allow equal precedence on its right.
        if (!(prec == 12 && min_prec == 12)) break;
      }
      if (op == Op::kExp && left->kind == NodeKind::kUnaryExpression && !left_parenthesized(left)) {
        fail(
            "Unary operator used immediately before exponentiation expression. Parenthesis must be "
            "used to disambiguate operator precedence");
      }
      advance();
      Node* right = parse_binary(op == Op::kExp ? prec - 1 : prec, allow_in);
      // Mixing ?? with && or || without parentheses is an early error.
      if (kind == NodeKind::kLogicalExpression) {
        auto mixes = [&](Node* n) {
          if (n->kind != NodeKind::kLogicalExpression || parenthesized_.count(n) != 0) return false;
          Op o = static_cast<BinaryExpression*>(n)->op;
          return (op == Op::kNullish) != (o == Op::kNullish);
        };
        if (mixes(left) || mixes(right)) unexpected_nullish_mix();
      }
      BinaryExpression* b = make<BinaryExpression>(p, kind);
      b->op = op;
      b->left = left;
      b->right = right;
      finish(b);
      left = b;
    }
    return left;
  }

  [[noreturn]] void unexpected_nullish_mix() {
    fail(
        "Unexpected token '?"
        "?'");
  }

  bool left_parenthesized(Node* n) const { return parenthesized_.count(n) != 0; }

  Node* parse_unary() {
    DepthGuard g(this);
    Pos p = tok_.pos;
    Op op;
    bool unary = true;
    switch (tok_.type) {
      case Tok::kBang:
        op = Op::kNot;
        break;
      case Tok::kTilde:
        op = Op::kBitNot;
        break;
      case Tok::kPlus:
        op = Op::kPlus;
        break;
      case Tok::kMinus:
        op = Op::kMinus;
        break;
      case Tok::kIdentifier:
        if (tok_.escaped) {
          unary = false;
        } else if (is(tok_.value, "typeof")) {
          op = Op::kTypeof;
        } else if (is(tok_.value, "void")) {
          op = Op::kVoid;
        } else if (is(tok_.value, "delete")) {
          op = Op::kDelete;
        } else if (is(tok_.value, "await")) {
          fail("async functions are not supported yet");
        } else {
          unary = false;
        }
        break;
      case Tok::kInc:
      case Tok::kDec: {
        bool inc = at(Tok::kInc);
        advance();
        Node* arg = parse_unary();
        if (arg->kind != NodeKind::kIdentifier && arg->kind != NodeKind::kMemberExpression) {
          fail("Invalid left-hand side expression in prefix operation", arg->pos);
        }
        check_simple_target(arg);
        UpdateExpression* u = make<UpdateExpression>(p);
        u->op = inc ? Op::kInc : Op::kDec;
        u->prefix = true;
        u->argument = arg;
        finish(u);
        return u;
      }
      default:
        unary = false;
    }
    if (!unary) return parse_postfix();
    advance();
    UnaryExpression* u = make<UnaryExpression>(p);
    u->op = op;
    u->argument = parse_unary();
    if (op == Op::kDelete && u->argument->kind == NodeKind::kIdentifier) {
      fail("Delete of an unqualified identifier in strict mode.", u->argument->pos);
    }
    finish(u);
    return u;
  }

  Node* parse_postfix() {
    Pos p = tok_.pos;
    Node* e = parse_left_hand_side();
    if ((at(Tok::kInc) || at(Tok::kDec)) && !tok_.newline_before) {
      if (e->kind != NodeKind::kIdentifier && e->kind != NodeKind::kMemberExpression) {
        fail("Invalid left-hand side expression in postfix operation", e->pos);
      }
      check_simple_target(e);
      UpdateExpression* u = make<UpdateExpression>(p);
      u->op = at(Tok::kInc) ? Op::kInc : Op::kDec;
      u->prefix = false;
      u->argument = e;
      advance();
      finish(u);
      return u;
    }
    return e;
  }

  // Member, call, new and optional chains.
  Node* parse_left_hand_side() {
    DepthGuard g(this);
    Pos p = tok_.pos;
    Node* e;
    if (at_word("new")) {
      e = parse_new();
    } else if (at_word("super")) {
      e = parse_super();
    } else if (at_word("import")) {
      fail("Cannot use import statement outside a module");
    } else {
      e = parse_primary();
    }
    bool in_chain = false;
    for (;;) {
      if (at(Tok::kDot)) {
        advance();
        e = parse_member(p, e, false, false);
      } else if (at(Tok::kLBracket)) {
        e = parse_member(p, e, true, false);
      } else if (at(Tok::kLParen)) {
        CallExpression* c = make<CallExpression>(p);
        c->callee = e;
        parse_arguments(c->arguments);
        finish(c);
        e = c;
      } else if (at(Tok::kQuestionDot)) {
        advance();
        in_chain = true;
        if (at(Tok::kLParen)) {
          CallExpression* c = make<CallExpression>(p);
          c->callee = e;
          c->optional = true;
          parse_arguments(c->arguments);
          finish(c);
          e = c;
        } else if (at(Tok::kLBracket)) {
          e = parse_member(p, e, true, true);
        } else if (at(Tok::kTemplate)) {
          fail("Invalid tagged template on optional chain");
        } else {
          e = parse_member(p, e, false, true);
        }
      } else if (at(Tok::kTemplate)) {
        if (in_chain) fail("Invalid tagged template on optional chain");
        TaggedTemplate* t = make<TaggedTemplate>(p);
        t->tag = e;
        t->quasi = parse_template(true);
        finish(t);
        e = t;
      } else {
        break;
      }
    }
    if (in_chain) {
      ChainExpression* c = make<ChainExpression>(p);
      c->expression = e;
      finish(c);
      return c;
    }
    return e;
  }

  // One property access of a member expression (ECMA-262 13.3): when
  // `computed`, `[ Expression ]` from the `[`; otherwise the IdentifierName
  // after a `.` or `?.` the caller has consumed. `p` is where the whole
  // expression starts. Every member access (`a.b`, `a?.b`, `new a.b`) comes
  // here, so a private name is refused the same way in each.
  MemberExpression* parse_member(Pos p, Node* object, bool computed, bool optional) {
    MemberExpression* m = make<MemberExpression>(p);
    m->object = object;
    m->computed = computed;
    m->optional = optional;
    if (computed) {
      expect(Tok::kLBracket);
      m->property = parse_expression();
      expect(Tok::kRBracket);
    } else {
      if (at(Tok::kPrivateName) || at(Tok::kHash))
        fail("private class members are not supported yet");
      m->property = parse_identifier_name();
    }
    finish(m);
    return m;
  }

  Node* parse_super() {
    Pos p = tok_.pos;
    advance();
    Node* s = make<SimpleNode>(p, NodeKind::kSuper);
    finish(s);
    mark_uses_this();
    if (at(Tok::kLParen)) {
      if (!fn().in_constructor) fail("'super' keyword unexpected here", p);
      return s;
    }
    if (at(Tok::kDot) || at(Tok::kLBracket)) {
      if (!fn().in_method) fail("'super' keyword unexpected here", p);
      return s;
    }
    fail("'super' keyword unexpected here", p);
  }

  Node* parse_new() {
    Pos p = tok_.pos;
    advance();
    if (at(Tok::kDot)) {
      advance();
      if (!at_word("target")) unexpected();
      advance();
      bool in_function = false;
      for (auto it = functions_.rbegin(); it != functions_.rend(); ++it) {
        if (!(*it)->is_arrow) {
          in_function = !(*it)->is_script;
          break;
        }
      }
      if (!in_function) fail("new.target expression is not allowed here", p);
      Node* n = make<SimpleNode>(p, NodeKind::kNewTarget);
      finish(n);
      return n;
    }
    Node* callee;
    if (at_word("new")) {
      callee = parse_new();
    } else if (at_word("super")) {
      callee = parse_super();
    } else {
      callee = parse_primary();
    }
    // Member accesses bind to the callee; the first call ends `new`.
    for (;;) {
      if (at(Tok::kDot)) {
        advance();
        callee = parse_member(p, callee, false, false);
      } else if (at(Tok::kLBracket)) {
        callee = parse_member(p, callee, true, false);
      } else if (at(Tok::kTemplate)) {
        TaggedTemplate* t = make<TaggedTemplate>(p);
        t->tag = callee;
        t->quasi = parse_template(true);
        finish(t);
        callee = t;
      } else if (at(Tok::kQuestionDot)) {
        fail("Invalid optional chain from new expression");
      } else {
        break;
      }
    }
    CallExpression* n = make<CallExpression>(p, NodeKind::kNewExpression);
    n->callee = callee;
    if (at(Tok::kLParen)) parse_arguments(n->arguments);
    finish(n);
    return n;
  }

  void parse_arguments(NodeList& args) {
    expect(Tok::kLParen);
    while (!at(Tok::kRParen)) {
      if (at(Tok::kEllipsis)) {
        SpreadElement* s = make<SpreadElement>(tok_.pos);
        advance();
        s->argument = parse_assignment(true);
        finish(s);
        args.push_back(s);
      } else {
        args.push_back(parse_assignment(true));
      }
      if (!eat(Tok::kComma)) break;
    }
    if (!at(Tok::kRParen) && !at(Tok::kEof)) fail("missing ) after argument list");
    expect(Tok::kRParen);
  }

  Node* parse_primary() {
    Pos p = tok_.pos;
    switch (tok_.type) {
      case Tok::kNumber: {
        NumberLiteral* n = make<NumberLiteral>(p);
        n->value = tok_.number;
        advance();
        finish(n);
        return n;
      }
      case Tok::kString: {
        StringLiteral* s = make<StringLiteral>(p);
        s->value = tok_.value;
        advance();
        finish(s);
        return s;
      }
      case Tok::kTemplate:
        return parse_template(false);
      case Tok::kLParen: {
        advance();
        Node* e = parse_expression();
        expect(Tok::kRParen);
        parenthesized_.insert(e);
        return e;
      }
      case Tok::kLBracket:
        return parse_array_literal();
      case Tok::kLBrace:
        return parse_object_literal();
      case Tok::kSlash:
      case Tok::kSlashAssign:
        return parse_regexp_literal();
      case Tok::kPrivateName:
      case Tok::kHash:
        fail("private class members are not supported yet");
      case Tok::kIdentifier: {
        if (!tok_.escaped) {
          const std::u16string& w = tok_.value;
          if (is(w, "function")) return parse_function_expression();
          if (is(w, "class")) return parse_class(false);
          if (is(w, "this")) {
            advance();
            Node* n = make<SimpleNode>(p, NodeKind::kThisExpression);
            finish(n);
            mark_uses_this();
            return n;
          }
          if (is(w, "null")) {
            advance();
            Node* n = make<SimpleNode>(p, NodeKind::kNullLiteral);
            finish(n);
            return n;
          }
          if (is(w, "true") || is(w, "false")) {
            BooleanLiteral* b = make<BooleanLiteral>(p);
            b->value = is(w, "true");
            advance();
            finish(b);
            return b;
          }
        }
        return parse_identifier_reference();
      }
      default:
        unexpected();
    }
  }

  TemplateLiteral* parse_template(bool tagged) {
    TemplateLiteral* t = make<TemplateLiteral>(tok_.pos);
    for (;;) {
      if (!at(Tok::kTemplate)) unexpected();
      if (!tok_.cooked_valid && !tagged) fail("Invalid escape sequence in template");
      t->cooked.push_back(tok_.value);
      t->raw.push_back(tok_.raw);
      t->cooked_valid.push_back(tok_.cooked_valid);
      if (tok_.template_tail) {
        advance();
        break;
      }
      advance();
      t->expressions.push_back(parse_expression());
      if (!at(Tok::kRBrace)) unexpected();
      LexError err;
      if (!lex_.next_template_part(&tok_, &err)) fail(err.message, err.pos);
    }
    finish(t);
    return t;
  }

  // A regular expression literal, checked now (its early errors are
  // SyntaxErrors of the script, ECMA-262 13.2.7.2).
  Node* parse_regexp_literal() {
    Pos p = tok_.pos;
    LexError err;
    if (!lex_.next_regexp(&tok_, &err)) fail(err.message, err.pos);
    RegExpLiteral* r = make<RegExpLiteral>(p);
    r->pattern = tok_.value;
    r->flags = tok_.raw;
    std::uint32_t flags = 0;
    if (!regexp::parse_flags(r->flags, &flags)) {
      fail("Invalid regular expression flags", p);
    }
    regexp::CompileResult compiled = regexp::compile(r->pattern, flags);
    if (compiled.program == nullptr) {
      std::string message = compiled.error;
      const std::string prefix = "Invalid regular expression: ";
      if (message.compare(0, prefix.size(), prefix) == 0) message.erase(0, prefix.size());
      std::string text = prefix + "/";
      util::utf16_to_utf8(r->pattern, text);
      text += "/";
      util::utf16_to_utf8(r->flags, text);
      fail(text + ": " + message, p);
    }
    advance();
    finish(r);
    return r;
  }

  Node* parse_array_literal() {
    ArrayExpression* a = make<ArrayExpression>(tok_.pos);
    advance();
    while (!at(Tok::kRBracket)) {
      if (at(Tok::kComma)) {
        advance();
        a->elements.push_back(nullptr);
        continue;
      }
      if (at(Tok::kEllipsis)) {
        SpreadElement* s = make<SpreadElement>(tok_.pos);
        advance();
        s->argument = parse_assignment(true);
        finish(s);
        a->elements.push_back(s);
      } else {
        a->elements.push_back(parse_assignment(true));
      }
      if (!at(Tok::kRBracket)) expect(Tok::kComma);
    }
    advance();
    finish(a);
    return a;
  }

  // PropertyName: identifier name, string, number, or [computed].
  Node* parse_property_key(bool* computed) {
    *computed = false;
    if (at(Tok::kLBracket)) {
      advance();
      *computed = true;
      Node* e = parse_assignment(true);
      expect(Tok::kRBracket);
      return e;
    }
    if (at(Tok::kString)) return parse_primary();
    if (at(Tok::kNumber)) return parse_primary();
    if (at(Tok::kIdentifier)) return parse_identifier_name();
    if (at(Tok::kPrivateName) || at(Tok::kHash))
      fail("private class members are not supported yet");
    unexpected();
  }

  Node* parse_object_literal() {
    ObjectExpression* o = make<ObjectExpression>(tok_.pos);
    advance();
    while (!at(Tok::kRBrace)) {
      Property prop;
      prop.pos = tok_.pos;
      if (at(Tok::kEllipsis)) {
        advance();
        prop.spread = parse_assignment(true);
        o->properties.push_back(prop);
        if (!at(Tok::kRBrace)) expect(Tok::kComma);
        continue;
      }
      if (at(Tok::kStar)) fail("generators are not supported yet");
      PropertyKind kind = PropertyKind::kInit;
      if ((at_word("get") || at_word("set") || at_word("async"))) {
        Lexer::State s = lex_.save();
        Token saved = tok_;
        std::u16string word = tok_.value;
        advance();
        bool is_name = at(Tok::kColon) || at(Tok::kLParen) || at(Tok::kComma) || at(Tok::kRBrace) ||
                       at(Tok::kAssign);
        if (is_name) {
          lex_.restore(s);
          tok_ = saved;
        } else if (is(word, "async")) {
          fail("async functions are not supported yet");
        } else {
          kind = is(word, "get") ? PropertyKind::kGet : PropertyKind::kSet;
        }
      }
      bool key_is_ident = at(Tok::kIdentifier);
      Token key_tok = tok_;
      prop.key = parse_property_key(&prop.computed);
      prop.kind = kind;
      if (kind != PropertyKind::kInit) {
        FunctionNode* f = make<FunctionNode>(tok_.pos, NodeKind::kFunctionExpression);
        f->source_start = prop.pos.offset;
        parse_function_rest(
            f, kind == PropertyKind::kGet ? FunctionKind::kGetter : FunctionKind::kSetter);
        set_inferred_name_from_key(
            f->inferred_name, prop.key, prop.computed,
            kind == PropertyKind::kGet ? ClassMember::Kind::kGetter : ClassMember::Kind::kSetter);
        prop.value = f;
      } else if (at(Tok::kLParen)) {
        FunctionNode* f = make<FunctionNode>(tok_.pos, NodeKind::kFunctionExpression);
        f->source_start = prop.pos.offset;
        parse_function_rest(f, FunctionKind::kMethod);
        set_inferred_name_from_key(f->inferred_name, prop.key, prop.computed,
                                   ClassMember::Kind::kMethod);
        prop.value = f;
        prop.method = true;
      } else if (eat(Tok::kColon)) {
        prop.value = parse_assignment(true);
        if (!prop.computed) {
          std::u16string name;
          set_inferred_name_from_key(name, prop.key, false, ClassMember::Kind::kMethod);
          name_anonymous_to(prop.value, name);
        }
      } else if (key_is_ident && !prop.computed) {
        // Shorthand `{ x }` or cover-initialized `{ x = 1 }` (patterns only).
        if (is_reserved(key_tok.value) || is_strict_reserved(key_tok.value)) {
          fail(is_reserved(key_tok.value)
                   ? "Unexpected token '" + util::utf16_to_utf8(key_tok.value) + "'"
                   : std::string("Unexpected strict mode reserved word"),
               key_tok.pos);
        }
        prop.shorthand = true;
        Identifier* id = make<Identifier>(key_tok.pos);
        id->name = key_tok.value;
        id->end = key_tok.end;
        if (is(id->name, "arguments")) mark_uses_arguments();
        if (at(Tok::kAssign)) {
          advance();
          AssignmentPattern* ap = make<AssignmentPattern>(key_tok.pos);
          ap->target = id;
          ap->value = parse_assignment(true);
          name_anonymous(ap->value, id);
          finish(ap);
          prop.value = ap;
        } else {
          prop.value = id;
        }
      } else {
        unexpected();
      }
      o->properties.push_back(prop);
      if (!at(Tok::kRBrace)) expect(Tok::kComma);
    }
    advance();
    finish(o);
    return o;
  }

  // ---- names for anonymous functions (NamedEvaluation) ----

  void set_inferred_name_from_key(std::u16string& out, Node* key, bool computed,
                                  ClassMember::Kind kind) {
    if (computed) return;
    std::u16string base;
    if (key->kind == NodeKind::kIdentifier) {
      base = static_cast<Identifier*>(key)->name;
    } else if (key->kind == NodeKind::kStringLiteral) {
      base = static_cast<StringLiteral*>(key)->value;
    } else if (key->kind == NodeKind::kNumberLiteral) {
      std::string s = number_text(static_cast<NumberLiteral*>(key)->value);
      base.assign(s.begin(), s.end());
    }
    if (kind == ClassMember::Kind::kGetter) base = u"get " + base;
    if (kind == ClassMember::Kind::kSetter) base = u"set " + base;
    out = base;
  }

  static std::string number_text(double d) {
    if (d == static_cast<double>(static_cast<long long>(d)) && d < 1e21 && d > -1e21) {
      return std::to_string(static_cast<long long>(d));
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", d);
    return buf;
  }

  void name_anonymous(Node* value, Node* target) {
    if (target == nullptr || target->kind != NodeKind::kIdentifier) return;
    name_anonymous_to(value, static_cast<Identifier*>(target)->name);
  }

  void name_anonymous_to(Node* value, const std::u16string& name) {
    if (value == nullptr || parenthesized_.count(value) != 0) return;
    if (value->kind == NodeKind::kFunctionExpression) {
      auto* f = static_cast<FunctionNode*>(value);
      if (f->id == nullptr && f->inferred_name.empty()) f->inferred_name = name;
    } else if (value->kind == NodeKind::kClassExpression) {
      auto* c = static_cast<ClassNode*>(value);
      if (c->id == nullptr && c->inferred_name.empty()) c->inferred_name = name;
    }
  }

  // ---- patterns ----

  // BindingIdentifier or BindingPattern.
  Node* parse_binding_target() {
    if (at(Tok::kLBracket)) return parse_array_binding();
    if (at(Tok::kLBrace)) return parse_object_binding();
    return parse_binding_identifier();
  }

  // BindingElement: target with optional default.
  Node* parse_binding_element() {
    Pos p = tok_.pos;
    Node* target = parse_binding_target();
    if (!at(Tok::kAssign)) return target;
    advance();
    AssignmentPattern* a = make<AssignmentPattern>(p);
    a->target = target;
    a->value = parse_assignment(true);
    name_anonymous(a->value, target);
    finish(a);
    return a;
  }

  Node* parse_array_binding() {
    ArrayPattern* a = make<ArrayPattern>(tok_.pos);
    advance();
    while (!at(Tok::kRBracket)) {
      if (at(Tok::kComma)) {
        advance();
        a->elements.push_back(nullptr);
        continue;
      }
      if (at(Tok::kEllipsis)) {
        RestElement* r = make<RestElement>(tok_.pos);
        advance();
        r->argument = parse_binding_target();
        finish(r);
        a->elements.push_back(r);
        if (!at(Tok::kRBracket)) fail("Rest element must be last element");
        break;
      }
      a->elements.push_back(parse_binding_element());
      if (!at(Tok::kRBracket)) expect(Tok::kComma);
    }
    expect(Tok::kRBracket);
    finish(a);
    return a;
  }

  Node* parse_object_binding() {
    ObjectPattern* o = make<ObjectPattern>(tok_.pos);
    advance();
    while (!at(Tok::kRBrace)) {
      Property prop;
      prop.pos = tok_.pos;
      if (at(Tok::kEllipsis)) {
        advance();
        prop.spread = parse_binding_identifier();
        o->properties.push_back(prop);
        if (!at(Tok::kRBrace)) fail("Rest element must be last element");
        break;
      }
      bool key_is_ident = at(Tok::kIdentifier);
      Token key_tok = tok_;
      prop.key = parse_property_key(&prop.computed);
      if (eat(Tok::kColon)) {
        prop.value = parse_binding_element();
      } else if (key_is_ident && !prop.computed) {
        check_binding_name(key_tok.value, key_tok.pos);
        prop.shorthand = true;
        Identifier* id = make<Identifier>(key_tok.pos);
        id->name = key_tok.value;
        id->end = key_tok.end;
        if (at(Tok::kAssign)) {
          advance();
          AssignmentPattern* ap = make<AssignmentPattern>(key_tok.pos);
          ap->target = id;
          ap->value = parse_assignment(true);
          name_anonymous(ap->value, id);
          finish(ap);
          prop.value = ap;
        } else {
          prop.value = id;
        }
      } else {
        unexpected();
      }
      o->properties.push_back(prop);
      if (!at(Tok::kRBrace)) expect(Tok::kComma);
    }
    expect(Tok::kRBrace);
    finish(o);
    return o;
  }

  // Reinterprets an expression as an assignment target (13.15.5.1).
  Node* to_assignment_target(Node* e, bool top) {
    if (parenthesized_.count(e) != 0 && e->kind != NodeKind::kIdentifier &&
        e->kind != NodeKind::kMemberExpression) {
      fail("Invalid left-hand side in assignment", e->pos);
    }
    switch (e->kind) {
      case NodeKind::kIdentifier:
        check_simple_target(e);
        return e;
      case NodeKind::kMemberExpression:
        check_simple_target(e);
        return e;
      case NodeKind::kArrayExpression: {
        auto* a = static_cast<ArrayExpression*>(e);
        ArrayPattern* p = make<ArrayPattern>(e->pos);
        p->end = e->end;
        for (std::size_t i = 0; i < a->elements.size(); ++i) {
          Node* el = a->elements[i];
          if (el == nullptr) {
            p->elements.push_back(nullptr);
          } else if (el->kind == NodeKind::kSpreadElement) {
            if (i + 1 != a->elements.size()) fail("Rest element must be last element", el->pos);
            RestElement* r = make<RestElement>(el->pos);
            r->argument = to_assignment_target(static_cast<SpreadElement*>(el)->argument, false);
            p->elements.push_back(r);
          } else {
            p->elements.push_back(to_assignment_element(el));
          }
        }
        return p;
      }
      case NodeKind::kObjectExpression: {
        auto* o = static_cast<ObjectExpression*>(e);
        ObjectPattern* p = make<ObjectPattern>(e->pos);
        p->end = e->end;
        for (std::size_t i = 0; i < o->properties.size(); ++i) {
          Property prop = o->properties[i];
          if (prop.spread != nullptr) {
            if (i + 1 != o->properties.size()) fail("Rest element must be last element", prop.pos);
            prop.spread = to_assignment_target(prop.spread, false);
          } else {
            if (prop.method || prop.kind != PropertyKind::kInit)
              fail("Invalid destructuring assignment target", prop.pos);
            prop.value = to_assignment_element(prop.value);
          }
          p->properties.push_back(prop);
        }
        return p;
      }
      case NodeKind::kAssignmentExpression: {
        auto* a = static_cast<AssignmentExpression*>(e);
        if (top || a->op != Op::kAssign) fail("Invalid left-hand side in assignment", e->pos);
        AssignmentPattern* p = make<AssignmentPattern>(e->pos);
        p->target = a->target;
        p->value = a->value;
        return p;
      }
      default:
        fail(top ? "Invalid left-hand side in assignment"
                 : "Invalid destructuring assignment target",
             e->pos);
    }
  }

  Node* to_assignment_element(Node* e) {
    if (e->kind == NodeKind::kAssignmentPattern) {
      auto* a = static_cast<AssignmentPattern*>(e);
      a->target = to_assignment_target(a->target, false);
      return a;
    }
    if (e->kind == NodeKind::kAssignmentExpression &&
        static_cast<AssignmentExpression*>(e)->op == Op::kAssign && parenthesized_.count(e) == 0) {
      auto* a = static_cast<AssignmentExpression*>(e);
      AssignmentPattern* p = make<AssignmentPattern>(e->pos);
      p->target = to_assignment_target(a->target, false);
      p->value = a->value;
      return p;
    }
    return to_assignment_target(e, false);
  }

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
};

}  // namespace

ParseResult parse(std::string_view source, std::string_view filename) {
  (void)filename;
  ParseResult result;
  result.ast_ = std::make_unique<Ast>();
  try {
    Parser parser(source, *result.ast_);
    result.program_ = parser.parse_program();
  } catch (ParseFailure& f) {
    result.error_ = f.error;
    result.program_ = nullptr;
  }
  return result;
}

}  // namespace kite::parser
