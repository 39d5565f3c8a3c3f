// Functions (ECMA-262 15.2), arrow functions (15.3), classes (15.7) and
// the names anonymous functions and classes get (NamedEvaluation).
#include "parser/parser_internal.h"

#include "util/unicode.h"

#include <cstdio>
#include <string>
#include <vector>

namespace kite::parser {

// ---- functions and classes ----

Node* Parser::parse_function_declaration(bool is_async) {
  Pos p = tok_.pos;
  if (is_async) advance();  // async
  advance();
  bool generator = eat_star();
  Identifier* id = parse_binding_identifier();
  FunctionNode* f = make<FunctionNode>(p, NodeKind::kFunctionDeclaration);
  f->id = id;
  f->is_generator = generator;
  f->is_async = is_async;
  f->source_start = p.offset;
  parse_function_rest(f, FunctionKind::kNormal);
  return f;
}

FunctionNode* Parser::parse_function_expression() {
  Pos p = tok_.pos;
  advance();
  bool generator = eat_star();
  FunctionNode* f = make<FunctionNode>(p, NodeKind::kFunctionExpression);
  f->is_generator = generator;
  f->source_start = p.offset;
  if (at(Tok::kIdentifier)) f->id = parse_binding_identifier();
  parse_function_rest(f, FunctionKind::kNormal);
  return f;
}

// At `async` when async_function_ahead(): `async function ...`,
// `async x => ...` or `async (...) => ...` (15.8, 15.9).
Node* Parser::parse_async_function_or_arrow() {
  Pos p = tok_.pos;
  advance();  // async
  FunctionNode* f;
  if (at_word("function")) {
    advance();
    bool generator = eat_star();
    f = make<FunctionNode>(p, NodeKind::kFunctionExpression);
    f->is_async = true;
    f->is_generator = generator;
    f->source_start = p.offset;
    if (at(Tok::kIdentifier)) {
      if (is(tok_.value, "await")) unexpected();
      f->id = parse_binding_identifier();
    }
    parse_function_rest(f, FunctionKind::kNormal);
    return f;
  }
  Node* arrow =
      at(Tok::kLParen) ? parse_arrow_from_parens(true) : parse_arrow_from_identifier(true);
  static_cast<FunctionNode*>(arrow)->source_start = p.offset;
  return arrow;
}

// `*` after `function` or before a method name: a generator.
bool Parser::eat_star() {
  if (!at(Tok::kStar)) return false;
  advance();
  return true;
}

// Parameters and body, from `(`.
void Parser::parse_function_rest(FunctionNode* f, FunctionKind kind, bool derived) {
  f->function_kind = kind;
  f->is_derived_constructor = derived;
  FunctionState fs;
  fs.node = f;
  fs.in_method = kind != FunctionKind::kNormal;
  fs.in_constructor = derived;
  fs.async_params = f->is_async;
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
  fs.in_generator = f->is_generator;
  fs.in_async = f->is_async;
  fs.async_params = false;
  while (!at(Tok::kRBrace)) {
    if (at(Tok::kEof)) unexpected();
    f->body.push_back(parse_statement_list_item());
  }
  advance();
  if (!f->simple_params) check_no_use_strict(f);
  functions_.pop_back();
  f->source_end = prev_end_;
  finish(f);
}

void Parser::check_no_use_strict(const FunctionNode* f) {
  for (const Node* s : f->body) {
    if (s->kind != NodeKind::kExpressionStatement) return;
    const Node* e = static_cast<const ExpressionStatement*>(s)->expression;
    if (e->kind != NodeKind::kStringLiteral || e->pos.offset != s->pos.offset) return;
    // Only the exact source text "use strict" or 'use strict' (no escapes).
    if (static_cast<const StringLiteral*>(e)->value == u"use strict" &&
        e->end - e->pos.offset == 12) {
      fail("Illegal 'use strict' directive in function with non-simple parameter list", e->pos);
    }
  }
}

void Parser::parse_params(FunctionNode* f, Tok close) {
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

void Parser::collect_bound_names(Node* n, std::vector<const Identifier*>& out) {
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
Node* Parser::parse_class(bool declaration) {
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
  private_scopes_.emplace_back();
  while (!eat(Tok::kRBrace)) {
    if (eat(Tok::kSemicolon)) continue;
    ClassMember m;
    m.pos = tok_.pos;
    std::uint32_t method_start = m.pos.offset;  // a static method's source text omits `static`
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
        method_start = tok_.pos.offset;
        if (at(Tok::kLBrace)) {
          m.kind = ClassMember::Kind::kStaticBlock;
          m.function = parse_static_block();
          c->members.push_back(m);
          continue;
        }
      }
    }
    bool generator = eat_star();
    bool is_async = false;
    if (!generator && at_word("async")) {
      Lexer::State s = lex_.save();
      Token saved = tok_;
      advance();
      bool is_name = at(Tok::kLParen) || at(Tok::kAssign) || at(Tok::kSemicolon) ||
                     at(Tok::kRBrace) || tok_.newline_before;
      if (is_name) {
        lex_.restore(s);
        tok_ = saved;
      } else {
        is_async = true;
        generator = eat_star();
      }
    }
    ClassMember::Kind kind = ClassMember::Kind::kMethod;
    if (!generator && !is_async && (at_word("get") || at_word("set"))) {
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
    if (at(Tok::kPrivateName)) {
      // A private member: its key is the Identifier "#x", declared in this
      // class's private scope (a getter and a setter may share a name).
      if (is(tok_.value, "constructor"))
        fail("Classes may not have a private field named '#constructor'");
      Identifier* id = make<Identifier>(tok_.pos);
      id->name = u"#" + tok_.value;
      advance();
      finish(id);
      m.key = id;
      m.is_private = true;
      int bits = (kind == ClassMember::Kind::kGetter   ? 1
                  : kind == ClassMember::Kind::kSetter ? 2
                                                       : 4) |
                 (m.is_static ? 8 : 0);
      bool merged = false;
      for (auto& [name, b] : private_scopes_.back().declared) {
        if (name != id->name) continue;
        bool pair = ((b | bits) & 7) == 3 && (b & bits & 3) == 0 && (b & 8) == (bits & 8);
        if (!pair) {
          fail("Identifier '" + util::utf16_to_utf8(id->name) + "' has already been declared",
               m.pos);
        }
        b |= bits;
        merged = true;
      }
      if (!merged) private_scopes_.back().declared.emplace_back(id->name, bits);
    } else {
      if (at(Tok::kHash)) unexpected();
      m.key = parse_property_key(&m.computed);
    }
    bool is_ctor = !m.is_static && !m.computed && kind == ClassMember::Kind::kMethod &&
                   key_is(m.key, "constructor");
    if (generator && !at(Tok::kLParen)) unexpected();
    if (at(Tok::kLParen)) {
      FunctionNode* f = make<FunctionNode>(tok_.pos, NodeKind::kFunctionExpression);
      f->source_start = method_start;
      f->is_generator = generator;
      f->is_async = is_async;
      if (is_ctor && generator) fail("Class constructor may not be a generator", m.pos);
      if (is_ctor && is_async) fail("Class constructor may not be an async method", m.pos);
      if (is_ctor) {
        if (c->constructor != nullptr) fail("A class may only have one constructor", m.pos);
        parse_function_rest(f, FunctionKind::kClassConstructor, c->super_class != nullptr);
        c->constructor = f;
        continue;
      }
      if (!m.is_static && !m.computed && key_is(m.key, "constructor")) {
        fail("Class constructor may not be an accessor", m.pos);
      }
      if (m.is_static && !m.computed && !m.is_private && key_is(m.key, "prototype")) {
        fail("Classes may not have a static property named 'prototype'", m.pos);
      }
      parse_function_rest(f, kind == ClassMember::Kind::kGetter   ? FunctionKind::kGetter
                             : kind == ClassMember::Kind::kSetter ? FunctionKind::kSetter
                                                                  : FunctionKind::kMethod);
      set_inferred_name_from_key(f->inferred_name, m.key, m.computed, kind);
      m.kind = kind;
      m.function = f;
    } else {
      if (kind != ClassMember::Kind::kMethod) unexpected();
      if (!m.computed && !m.is_private && key_is(m.key, "constructor"))
        fail("Classes may not have a field named 'constructor'", m.pos);
      if (m.is_static && !m.computed && !m.is_private && key_is(m.key, "prototype")) {
        fail("Classes may not have a static property named 'prototype'", m.pos);
      }
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
        if (holder->uses_arguments) {
          fail(
              "'arguments' is not allowed in class field initializer or static initialization "
              "block");
        }
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
  // References to private names this class does not declare go to the
  // enclosing class; with none, they are early errors.
  PrivateScope done = std::move(private_scopes_.back());
  private_scopes_.pop_back();
  for (auto& [name, at] : done.refs) {
    bool found = false;
    for (auto& d : done.declared) found |= d.first == name;
    if (found) continue;
    if (private_scopes_.empty()) {
      fail("Private field '" + util::utf16_to_utf8(name) +
               "' must be declared in an enclosing class",
           at);
    }
    private_scopes_.back().refs.emplace_back(name, at);
  }
  c->source_end = prev_end_;
  finish(c);
  return c;
}

FunctionNode* Parser::parse_static_block() {
  FunctionNode* f = make<FunctionNode>(tok_.pos, NodeKind::kFunctionExpression);
  f->function_kind = FunctionKind::kMethod;
  f->source_start = tok_.pos.offset;
  FunctionState fs;
  fs.node = f;
  fs.in_method = true;
  fs.in_static_block = true;
  functions_.push_back(&fs);
  expect(Tok::kLBrace);
  while (!at(Tok::kRBrace)) {
    if (at(Tok::kEof)) unexpected();
    f->body.push_back(parse_statement_list_item());
  }
  advance();
  functions_.pop_back();
  if (f->uses_arguments) {
    fail("'arguments' is not allowed in class field initializer or static initialization block");
  }
  f->source_end = prev_end_;
  finish(f);
  return f;
}

Identifier* Parser::private_reference() {
  Identifier* id = make<Identifier>(tok_.pos);
  id->name = u"#" + tok_.value;
  if (private_scopes_.empty()) {
    fail("Private field '" + util::utf16_to_utf8(id->name) +
         "' must be declared in an enclosing class");
  }
  private_scopes_.back().refs.emplace_back(id->name, tok_.pos);
  advance();
  finish(id);
  return id;
}

bool Parser::key_is(Node* key, const char* name) {
  if (key->kind == NodeKind::kIdentifier) return is(static_cast<Identifier*>(key)->name, name);
  if (key->kind == NodeKind::kStringLiteral)
    return is(static_cast<StringLiteral*>(key)->value, name);
  return false;
}

// ---- arrow functions ----

Node* Parser::parse_arrow_from_identifier(bool is_async) {
  Pos p = tok_.pos;
  FunctionNode* f = make<FunctionNode>(p, NodeKind::kFunctionExpression);
  f->function_kind = FunctionKind::kArrow;
  f->is_async = is_async;
  f->source_start = p.offset;
  f->params.push_back(parse_binding_identifier());
  expect(Tok::kArrow);
  parse_arrow_body(f);
  return f;
}

Node* Parser::parse_arrow_from_parens(bool is_async) {
  Pos p = tok_.pos;
  FunctionNode* f = make<FunctionNode>(p, NodeKind::kFunctionExpression);
  f->function_kind = FunctionKind::kArrow;
  f->is_async = is_async;
  f->source_start = p.offset;
  FunctionState fs;
  fs.node = f;
  fs.is_arrow = true;
  fs.async_params = is_async;
  functions_.push_back(&fs);
  expect(Tok::kLParen);
  parse_params(f, Tok::kRParen);
  functions_.pop_back();
  if (tok_.newline_before) unexpected();
  expect(Tok::kArrow);
  parse_arrow_body(f);
  return f;
}

void Parser::parse_arrow_body(FunctionNode* f) {
  FunctionState fs;
  fs.node = f;
  fs.is_arrow = true;
  fs.in_async = f->is_async;
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
    if (!f->simple_params) check_no_use_strict(f);
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

// ---- names for anonymous functions (NamedEvaluation) ----

void Parser::set_inferred_name_from_key(std::u16string& out, Node* key, bool computed,
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

std::string Parser::number_text(double d) {
  if (d == static_cast<double>(static_cast<long long>(d)) && d < 1e21 && d > -1e21) {
    return std::to_string(static_cast<long long>(d));
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", d);
  return buf;
}

void Parser::name_anonymous(Node* value, Node* target) {
  if (target == nullptr || target->kind != NodeKind::kIdentifier) return;
  name_anonymous_to(value, static_cast<Identifier*>(target)->name);
}

void Parser::name_anonymous_to(Node* value, const std::u16string& name) {
  // A parenthesized function is still an anonymous function definition
  // (IsFunctionDefinition looks through the parentheses).
  if (value == nullptr) return;
  if (value->kind == NodeKind::kFunctionExpression) {
    auto* f = static_cast<FunctionNode*>(value);
    if (f->id == nullptr && f->inferred_name.empty()) f->inferred_name = name;
  } else if (value->kind == NodeKind::kClassExpression) {
    auto* c = static_cast<ClassNode*>(value);
    if (c->id == nullptr && c->inferred_name.empty()) c->inferred_name = name;
  }
}

}  // namespace kite::parser
