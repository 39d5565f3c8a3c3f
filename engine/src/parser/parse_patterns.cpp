// Binding patterns and the cover grammar: destructuring assignment
// reinterprets an object or array literal as a pattern (ECMA-262 13.15.5).
#include "parser/parser_internal.h"

namespace kite::parser {

// BindingIdentifier or BindingPattern.
Node* Parser::parse_binding_target() {
  if (at(Tok::kLBracket)) return parse_array_binding();
  if (at(Tok::kLBrace)) return parse_object_binding();
  return parse_binding_identifier();
}

// BindingElement: target with optional default.
Node* Parser::parse_binding_element() {
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

Node* Parser::parse_array_binding() {
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

Node* Parser::parse_object_binding() {
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
Node* Parser::to_assignment_target(Node* e, bool top) {
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
    case NodeKind::kArrayPattern:
    case NodeKind::kObjectPattern:
      // Already a pattern: the target of an assignment nested in a literal
      // that is becoming a pattern itself (`[{} = v] = w`).
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
          if (i + 1 != a->elements.size() || a->comma_after_spread) {
            fail("Rest element must be last element", el->pos);
          }
          if (static_cast<SpreadElement*>(el)->argument->kind == NodeKind::kAssignmentExpression) {
            fail("Invalid destructuring assignment target", el->pos);
          }
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
          if (i + 1 != o->properties.size() || o->comma_after_spread) {
            fail("Rest element must be last element", prop.pos);
          }
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
      fail(top ? "Invalid left-hand side in assignment" : "Invalid destructuring assignment target",
           e->pos);
  }
}

Node* Parser::to_assignment_element(Node* e) {
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

}  // namespace kite::parser
