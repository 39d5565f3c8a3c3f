// Expressions (ECMA-262 13): assignment, the conditional, binary operators
// by precedence climbing, unary and update operators, member access, calls,
// new, and primary expressions and literals. Arrow functions are recognized
// here by scanning ahead to the matching `)` for `=>` (arrow_ahead).
#include "parser/parser_internal.h"

#include <string>
#include <vector>

#include "regexp/regexp.h"
#include "util/bigint.h"
#include "util/unicode.h"

namespace kite::parser {

Node* Parser::parse_expression() {
  Node* e = parse_assignment(true);
  if (!at(Tok::kComma)) return e;
  SequenceExpression* s = make<SequenceExpression>(e->pos);
  s->expressions.push_back(e);
  while (eat(Tok::kComma)) s->expressions.push_back(parse_assignment(true));
  finish(s);
  return s;
}

Node* Parser::parse_expression_no_in() {
  Node* e = parse_assignment(false);
  if (!at(Tok::kComma)) return e;
  SequenceExpression* s = make<SequenceExpression>(e->pos);
  s->expressions.push_back(e);
  while (eat(Tok::kComma)) s->expressions.push_back(parse_assignment(false));
  finish(s);
  return s;
}

bool Parser::assign_op(Tok t, Op* op) {
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

// YieldExpression (15.5): `yield`, `yield AssignmentExpression`,
// `yield* AssignmentExpression`; no line break between yield and the rest.
Node* Parser::parse_yield(bool allow_in) {
  YieldExpression* y = make<YieldExpression>(tok_.pos);
  advance();
  if (!tok_.newline_before) {
    if (at(Tok::kStar)) {
      advance();
      y->delegate = true;
      y->argument = parse_assignment(allow_in);
    } else if (!at(Tok::kRParen) && !at(Tok::kRBracket) && !at(Tok::kRBrace) && !at(Tok::kComma) &&
               !at(Tok::kSemicolon) && !at(Tok::kColon) && !at(Tok::kEof) &&
               !(at(Tok::kIdentifier) && is(tok_.value, "in") && !allow_in)) {
      y->argument = parse_assignment(allow_in);
    }
  }
  finish(y);
  return y;
}

Node* Parser::parse_assignment(bool allow_in) {
  DepthGuard g(this);
  bool for_head = std::exchange(defer_cover_init_, false);
  // Arrow functions.
  if (at(Tok::kIdentifier) && !tok_.escaped) {
    if (is(tok_.value, "async") && async_function_ahead()) {
      // async arrows here; `async function` is a PrimaryExpression (it may
      // be called or have a member read: `async function () {}()`).
      Lexer::State s = lex_.save();
      Token saved = tok_;
      advance();
      bool function = at_word("function");
      lex_.restore(s);
      tok_ = saved;
      if (!function) return parse_async_function_or_arrow();
    }
    if (is(tok_.value, "yield") && !functions_.empty() && functions_.back()->in_generator) {
      return parse_yield(allow_in);
    }
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
  if (fn().cover_depth == 0 && !(for_head && (at_word("of") || at_word("in"))) &&
      has_cover_init(left)) {
    fail("Invalid shorthand property initializer", cover_init_pos_);
  }
  return left;
}

void Parser::check_simple_target(Node* n) {
  if (n->kind == NodeKind::kIdentifier) {
    const auto& name = static_cast<Identifier*>(n)->name;
    if (is(name, "eval") || is(name, "arguments"))
      fail("Unexpected eval or arguments in strict mode", n->pos);
  }
  if (n->kind == NodeKind::kMemberExpression && static_cast<MemberExpression*>(n)->optional) {
    fail("Invalid left-hand side in assignment", n->pos);
  }
}

bool Parser::has_cover_init(Node* n) {
  if (n == nullptr) return false;
  if (n->kind == NodeKind::kArrayExpression) {
    for (Node* e : static_cast<ArrayExpression*>(n)->elements) {
      if (e != nullptr && e->kind == NodeKind::kSpreadElement) {
        e = static_cast<SpreadElement*>(e)->argument;
      }
      if (has_cover_init(e)) return true;
    }
    return false;
  }
  if (n->kind != NodeKind::kObjectExpression) return false;
  for (auto& p : static_cast<ObjectExpression*>(n)->properties) {
    if (p.shorthand && p.value != nullptr && p.value->kind == NodeKind::kAssignmentPattern) {
      cover_init_pos_ = p.pos;
      return true;
    }
    if (has_cover_init(p.spread != nullptr ? p.spread : p.method ? nullptr : p.value)) return true;
  }
  return false;
}

// Whether a token of this type can end an operand, so that a `/` after it
// is division (a good guess for arrow_ahead's skim; the real parse knows).
bool Parser::ends_operand(Tok t) {
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
bool Parser::arrow_ahead() {
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

Node* Parser::parse_conditional(bool allow_in) {
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
int Parser::precedence(bool allow_in, Op* op, NodeKind* kind) const {
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

Node* Parser::parse_binary(int min_prec, bool allow_in) {
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

void Parser::unexpected_nullish_mix() {
  fail(
      "Unexpected token '?"
      "?'");
}

Node* Parser::parse_unary() {
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
      } else if (is(tok_.value, "await") && !functions_.empty() && fn().async_params) {
        fail("Illegal await-expression in formal parameters of async function");
      } else if (is(tok_.value, "await") && !functions_.empty() && fn().in_async) {
        if (functions_.size() == 1) top_level_await_ = true;
        AwaitExpression* a = make<AwaitExpression>(p);
        advance();
        a->argument = parse_unary();
        finish(a);
        return a;
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
  if (op == Op::kDelete) {
    // delete a.#x, also inside an optional chain (a?.#x).
    Node* t = u->argument;
    if (t->kind == NodeKind::kChainExpression) t = static_cast<ChainExpression*>(t)->expression;
    if (t->kind == NodeKind::kMemberExpression && static_cast<MemberExpression*>(t)->is_private) {
      fail("Private fields can not be deleted", u->argument->pos);
    }
  }
  finish(u);
  return u;
}

Node* Parser::parse_postfix() {
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
Node* Parser::parse_left_hand_side() {
  DepthGuard g(this);
  Pos p = tok_.pos;
  Node* e;
  if (at_word("new")) {
    e = parse_new();
  } else if (at_word("super")) {
    e = parse_super();
  } else if (at_word("import")) {
    e = parse_import_expression();
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
      if (e->kind == NodeKind::kIdentifier && is(static_cast<Identifier*>(e)->name, "eval")) {
        bool spread = false;
        for (const Node* a : c->arguments) spread |= a->kind == NodeKind::kSpreadElement;
        if (!spread) {
          // The eval code may read `this` and `arguments` of this function.
          c->direct_eval = true;
          mark_uses_this();
          for (auto it = functions_.rbegin(); it != functions_.rend(); ++it) {
            if ((*it)->node != nullptr) (*it)->node->has_direct_eval = true;
            if (!(*it)->is_arrow) break;
          }
        }
      }
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
MemberExpression* Parser::parse_member(Pos p, Node* object, bool computed, bool optional) {
  MemberExpression* m = make<MemberExpression>(p);
  m->object = object;
  m->computed = computed;
  m->optional = optional;
  if (computed) {
    expect(Tok::kLBracket);
    m->property = parse_expression();
    expect(Tok::kRBracket);
  } else if (at(Tok::kPrivateName)) {
    if (object->kind == NodeKind::kSuper) fail("Unexpected private field");
    // Compiled as a computed access whose key is the private name's
    // binding, with the private get/set instructions.
    m->property = private_reference();
    m->is_private = true;
    m->computed = true;
  } else {
    if (at(Tok::kHash)) unexpected();
    m->property = parse_identifier_name();
  }
  finish(m);
  return m;
}

Node* Parser::parse_super() {
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

Node* Parser::parse_new() {
  Pos p = tok_.pos;
  advance();
  if (at(Tok::kDot)) {
    advance();
    if (!at_word("target")) unexpected();
    advance();
    bool in_function = false;
    for (auto it = functions_.rbegin(); it != functions_.rend(); ++it) {
      if (!(*it)->is_arrow) {
        in_function = !(*it)->is_script || eval_new_target_;
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
  } else if (at_word("import")) {
    // new import.meta() is a (failing) construction; new import(x) is not syntax.
    callee = parse_import_expression();
    if (callee->kind == NodeKind::kImportCall) fail("Cannot use new with import", p);
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

void Parser::parse_arguments(NodeList& args) {
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

Node* Parser::parse_primary() {
  Pos p = tok_.pos;
  switch (tok_.type) {
    case Tok::kNumber: {
      NumberLiteral* n = make<NumberLiteral>(p);
      n->value = tok_.number;
      advance();
      finish(n);
      return n;
    }
    case Tok::kBigInt: {
      BigIntLiteral* n = make<BigIntLiteral>(p);
      n->digits.assign(tok_.value.begin(), tok_.value.end());
      n->radix = tok_.radix;
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
    case Tok::kPrivateName: {
      // `#x in obj` (13.10.1): a private name only as the left of `in`.
      Identifier* id = private_reference();
      if (!at_word("in")) unexpected();
      return id;
    }
    case Tok::kHash:
      unexpected();
    case Tok::kIdentifier: {
      if (!tok_.escaped) {
        const std::u16string& w = tok_.value;
        if (is(w, "function")) return parse_function_expression();
        if (is(w, "async") && async_function_ahead()) return parse_async_function_or_arrow();
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

TemplateLiteral* Parser::parse_template(bool tagged) {
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
Node* Parser::parse_regexp_literal() {
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

Node* Parser::parse_array_literal() {
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
      ++fn().cover_depth;
      s->argument = parse_assignment(true);
      --fn().cover_depth;
      finish(s);
      a->elements.push_back(s);
      if (at(Tok::kComma)) a->comma_after_spread = true;
    } else {
      ++fn().cover_depth;
      a->elements.push_back(parse_assignment(true));
      --fn().cover_depth;
    }
    if (!at(Tok::kRBracket)) expect(Tok::kComma);
  }
  advance();
  finish(a);
  return a;
}

// PropertyName: identifier name, string, number, or [computed].
Node* Parser::parse_property_key(bool* computed) {
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
  if (at(Tok::kBigInt)) {
    // { 1n: v } names the property "1".
    Pos p = tok_.pos;
    StringLiteral* s = make<StringLiteral>(p);
    std::string digits(tok_.value.begin(), tok_.value.end());
    std::string text = util::BigNum::from_digits(digits, tok_.radix).to_string();
    s->value.assign(text.begin(), text.end());
    advance();
    finish(s);
    return s;
  }
  if (at(Tok::kIdentifier)) return parse_identifier_name();
  if (at(Tok::kPrivateName) || at(Tok::kHash)) unexpected();
  unexpected();
}

Node* Parser::parse_object_literal() {
  ObjectExpression* o = make<ObjectExpression>(tok_.pos);
  advance();
  while (!at(Tok::kRBrace)) {
    Property prop;
    prop.pos = tok_.pos;
    if (at(Tok::kEllipsis)) {
      advance();
      ++fn().cover_depth;
      prop.spread = parse_assignment(true);
      --fn().cover_depth;
      o->properties.push_back(prop);
      if (at(Tok::kComma)) o->comma_after_spread = true;
      if (!at(Tok::kRBrace)) expect(Tok::kComma);
      continue;
    }
    bool generator = eat_star();
    bool is_async = false;
    PropertyKind kind = PropertyKind::kInit;
    if (!generator && (at_word("get") || at_word("set") || at_word("async"))) {
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
        if (tok_.newline_before) unexpected();
        is_async = true;
        generator = eat_star();
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
    } else if (at(Tok::kLParen) || generator || is_async) {
      if (!at(Tok::kLParen)) unexpected();
      FunctionNode* f = make<FunctionNode>(tok_.pos, NodeKind::kFunctionExpression);
      f->source_start = prop.pos.offset;
      f->is_generator = generator;
      f->is_async = is_async;
      parse_function_rest(f, FunctionKind::kMethod);
      set_inferred_name_from_key(f->inferred_name, prop.key, prop.computed,
                                 ClassMember::Kind::kMethod);
      prop.value = f;
      prop.method = true;
    } else if (eat(Tok::kColon)) {
      ++fn().cover_depth;
      prop.value = parse_assignment(true);
      --fn().cover_depth;
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

}  // namespace kite::parser
