// Code generation for expressions other than operators: identifiers and
// literals, member access, calls and `new`, function expressions, array,
// object and template literals.
#include "compiler/function_compiler.h"

#include <kite/perf_flags.h>

#include <cmath>

namespace kite::compiler {

using namespace kite::parser;
using vm::Op;  // bytecode opcodes; AST operators are parser::Op

namespace {

// An anonymous function or class expression (NamedEvaluation applies).
bool is_anonymous_definition(const Node* n) {
  if (n->kind == NodeKind::kFunctionExpression) {
    auto* f = static_cast<const FunctionNode*>(n);
    return f->id == nullptr;
  }
  if (n->kind == NodeKind::kClassExpression) return static_cast<const ClassNode*>(n)->id == nullptr;
  return false;
}

}  // namespace

Reg FunctionCompiler::expr_any(const Node* n) {
  if (n->kind == NodeKind::kIdentifier) {
    Reg r = binding_reg_if_direct(ctx_.scopes.resolved(n), n);
    if (r != 0xFFFF) return r;
  }
  Reg r = temp();
  expr(n, r);
  return r;
}

void FunctionCompiler::load_this(Reg dst, const Node* at) {
  Binding* b = ctx_.scopes.resolved(at);
  if (b == nullptr) {
    // Top-level code (and arrows in it): ECMA-262 16.1.6, a script's `this`
    // is the global object; a module's is undefined (9.1.1.5.4).
    e_.emit(ctx_.module != nullptr || ctx_.this_undefined ? Op::kLoadUndef : Op::kLoadGlobalThis,
            {dst});
    return;
  }
  load_binding(b, dst, at);
}

void FunctionCompiler::expr(const Node* n, Reg dst) {
  switch (n->kind) {
    case NodeKind::kIdentifier:
      load_identifier(static_cast<const Identifier*>(n), dst);
      return;
    case NodeKind::kNumberLiteral: {
      double v = static_cast<const NumberLiteral*>(n)->value;
      if (v == std::trunc(v) && v >= -32768 && v <= 32767 && !(v == 0 && std::signbit(v))) {
        e_.emit(Op::kLoadI, {dst, static_cast<std::uint16_t>(static_cast<std::int16_t>(v))});
      } else {
        e_.emit(Op::kLoadK, {dst, e_.constant(vm::Value::number(v))});
      }
      return;
    }
    case NodeKind::kStringLiteral:
      e_.emit(Op::kLoadK, {dst, e_.string_constant(static_cast<const StringLiteral*>(n)->value)});
      return;
    case NodeKind::kBigIntLiteral: {
      auto* b = static_cast<const BigIntLiteral*>(n);
      e_.emit(Op::kLoadK, {dst, e_.bigint_constant(b->digits, b->radix)});
      return;
    }
    case NodeKind::kRegExpLiteral: {
      auto* r = static_cast<const RegExpLiteral*>(n);
      pos(n);
      e_.emit(Op::kNewRegExp, {dst, e_.string_constant(r->pattern), e_.string_constant(r->flags)});
      return;
    }
    case NodeKind::kBooleanLiteral:
      e_.emit(static_cast<const BooleanLiteral*>(n)->value ? Op::kLoadTrue : Op::kLoadFalse, {dst});
      return;
    case NodeKind::kNullLiteral:
      e_.emit(Op::kLoadNull, {dst});
      return;
    case NodeKind::kThisExpression:
      load_this(dst, n);
      return;
    case NodeKind::kTemplateLiteral:
      template_literal(static_cast<const TemplateLiteral*>(n), dst);
      return;
    case NodeKind::kTaggedTemplate:
      tagged_template(static_cast<const TaggedTemplate*>(n), dst);
      return;
    case NodeKind::kArrayExpression:
      array_literal(static_cast<const ArrayExpression*>(n), dst);
      return;
    case NodeKind::kObjectExpression:
      object_literal(static_cast<const ObjectExpression*>(n), dst);
      return;
    case NodeKind::kFunctionExpression:
      function_expr(static_cast<const FunctionNode*>(n), dst);
      return;
    case NodeKind::kClassExpression:
      class_decl(static_cast<const ClassNode*>(n), dst);
      return;
    case NodeKind::kUnaryExpression:
      unary(static_cast<const UnaryExpression*>(n), dst);
      return;
    case NodeKind::kUpdateExpression:
      update(static_cast<const UpdateExpression*>(n), dst);
      return;
    case NodeKind::kYieldExpression:
      yield_expr(static_cast<const YieldExpression*>(n), dst);
      return;
    case NodeKind::kAwaitExpression:
      await_expr(static_cast<const AwaitExpression*>(n), dst);
      return;
    case NodeKind::kBinaryExpression:
      binary(static_cast<const BinaryExpression*>(n), dst);
      return;
    case NodeKind::kLogicalExpression:
      logical(static_cast<const BinaryExpression*>(n), dst);
      return;
    case NodeKind::kAssignmentExpression:
      assign(static_cast<const AssignmentExpression*>(n), dst);
      return;
    case NodeKind::kConditionalExpression: {
      auto* c = static_cast<const ConditionalExpression*>(n);
      Label else_label = e_.new_label();
      Label end = e_.new_label();
      cond(c->test, else_label, false);
      expr(c->consequent, dst);
      e_.emit_jump(Op::kJmp, {}, end);
      e_.bind(else_label);
      expr(c->alternate, dst);
      e_.bind(end);
      return;
    }
    case NodeKind::kCallExpression:
      call(static_cast<const CallExpression*>(n), dst, Label{});
      return;
    case NodeKind::kNewExpression:
      new_expr(static_cast<const CallExpression*>(n), dst);
      return;
    case NodeKind::kMemberExpression:
      member(static_cast<const MemberExpression*>(n), dst, Label{});
      return;
    case NodeKind::kChainExpression: {
      Label nil = e_.new_label();
      Label end = e_.new_label();
      chain_element(static_cast<const ChainExpression*>(n)->expression, dst, nil);
      e_.emit_jump(Op::kJmp, {}, end);
      e_.bind(nil);
      e_.emit(Op::kLoadUndef, {dst});
      e_.bind(end);
      return;
    }
    case NodeKind::kSequenceExpression: {
      auto* s = static_cast<const SequenceExpression*>(n);
      for (std::size_t i = 0; i < s->expressions.size(); ++i) {
        if (i + 1 == s->expressions.size()) {
          expr(s->expressions[i], dst);
        } else {
          Reg t = temp();
          expr(s->expressions[i], t);
          e_.free_temps_to(t);
        }
      }
      return;
    }
    case NodeKind::kNewTarget:
      e_.emit(Op::kNewTarget, {dst});
      return;
    case NodeKind::kImportCall: {
      Reg r = temp();
      expr(static_cast<const ImportCall*>(n)->specifier, r);
      pos(n);
      e_.emit(Op::kIntrinsic, {dst, static_cast<std::uint16_t>(vm::Intrinsic::kImportCall), r, 0});
      e_.free_temps_to(r);
      return;
    }
    case NodeKind::kImportMeta:
      e_.emit(Op::kIntrinsic, {dst, static_cast<std::uint16_t>(vm::Intrinsic::kImportMeta), 0, 0});
      return;
    default:
      error("unsupported expression", n);
  }
}

void FunctionCompiler::chain_element(const Node* n, Reg dst, Label nil) {
  if (n->kind == NodeKind::kCallExpression) {
    call(static_cast<const CallExpression*>(n), dst, nil);
  } else if (n->kind == NodeKind::kMemberExpression) {
    member(static_cast<const MemberExpression*>(n), dst, nil);
  } else {
    expr(n, dst);
  }
}

void FunctionCompiler::member(const MemberExpression* m, Reg dst, Label nil) {
  Reg mark = e_.temp_mark();
  if (m->object->kind == NodeKind::kSuper) {
    Reg key = temp();
    property_key(m->property, m->computed, key);
    pos(m);
    e_.emit(Op::kGetSuper, {dst, key});
    e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
    return;
  }
  Reg obj;
  if (nil.valid()) {
    obj = temp();
    chain_element(m->object, obj, nil);
  } else {
    obj = expr_any(m->object);
  }
  if (m->optional) e_.emit_jump(Op::kJmpNullish, {obj}, nil);
  pos(m->computed ? m : m->property);  // a getter's call is at the name (V8)
  if (!m->computed) {
    const std::u16string& name = static_cast<const Identifier*>(m->property)->name;
    if (name == u"length") {
      e_.emit(Op::kGetLength, {dst, obj, e_.new_ic()});
    } else {
      e_.emit(Op::kGetProp, {dst, obj, name_const(name), e_.new_ic()});
    }
  } else {
    const Node* p = m->property;
    if (p->kind == NodeKind::kStringLiteral) {
      const std::u16string& s = static_cast<const StringLiteral*>(p)->value;
      bool index_like = !s.empty() && s[0] >= '0' && s[0] <= '9';
      if (!index_like) {
        e_.emit(Op::kGetProp, {dst, obj, name_const(s), e_.new_ic()});
        e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
        return;
      }
    }
    if (obj != dst && may_assign(p) && obj >= mark) {
      // obj is a temp: safe. A variable register might be reassigned by the key.
    } else if (obj < mark && may_assign(p)) {
      Reg copy = temp();
      e_.emit(Op::kMov, {copy, obj});
      obj = copy;
    }
    Reg key = expr_any(p);
    pos(m);
    get_elem(m, dst, obj, key);
  }
  e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
}

std::uint16_t FunctionCompiler::callee_name(const Node* callee) {
  std::uint32_t start = callee->pos.offset;
  std::uint32_t end = callee->end;
  std::string text;
  if (end > start && end - start <= 80) {
    text = std::string(ctx_.source.substr(start, end - start));
  } else {
    text = "expression";
  }
  return e_.constant(vm::Value::string(vm_.atomize(vm_.new_string_utf8(text))));
}

bool FunctionCompiler::args_have_spread(const NodeList& args) {
  for (const Node* a : args) {
    if (a->kind == NodeKind::kSpreadElement) return true;
  }
  return false;
}

void FunctionCompiler::args_array(const NodeList& args, Reg arr) {
  e_.emit(Op::kNewArray, {arr, static_cast<std::uint16_t>(args.size())});
  for (const Node* a : args) {
    Reg t = temp();
    if (a->kind == NodeKind::kSpreadElement) {
      expr(static_cast<const SpreadElement*>(a)->argument, t);
      e_.emit(Op::kArraySpread, {arr, t});
      e_.record_call_name(callee_name(static_cast<const SpreadElement*>(a)->argument));
    } else {
      expr(a, t);
      e_.emit(Op::kArrayPush, {arr, t});
    }
    e_.free_temps_to(t);
  }
}

void FunctionCompiler::call(const CallExpression* c, Reg dst, Label nil) {
  Reg mark = e_.temp_mark();
  const Node* callee = c->callee;
  if (callee->kind == NodeKind::kSuper) {
    pos(c);
    if (args_have_spread(c->arguments)) {
      Reg arr = temp();
      args_array(c->arguments, arr);
      e_.emit(Op::kSuperCallSpread, {dst, arr});
    } else {
      auto argc = static_cast<std::uint16_t>(c->arguments.size());
      Reg first = e_.alloc_temps(argc);
      for (std::uint16_t i = 0; i < argc; ++i) expr(c->arguments[i], static_cast<Reg>(first + i));
      pos(c);
      e_.emit(Op::kSuperCall, {dst, first, argc});
    }
    // `this` is now bound; arrows that captured it see the new value.
    Binding* tb = info_->this_binding;
    if (tb != nullptr && tb->in_env) {
      e_.emit(Op::kStEnv, {static_cast<std::uint16_t>(env_hops(scope_, tb->scope)), tb->slot, 0});
    }
    e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
    return;
  }
  if (c->direct_eval && !c->optional && !nil.valid() && ctx_.scopes.resolved(callee) == nullptr) {
    // eval(...): a direct eval, which sees this scope, when the callee is
    // %eval% (SameValue, 19.2.1.1); any other function is called as usual.
    Reg fn = temp();
    load_identifier(static_cast<const Identifier*>(callee), fn);
    auto argc = static_cast<std::uint16_t>(c->arguments.size());
    Reg first = e_.alloc_temps(argc > 0 ? argc : 1);
    for (std::uint16_t i = 0; i < argc; ++i) expr(c->arguments[i], static_cast<Reg>(first + i));
    if (argc == 0) e_.emit(Op::kLoadUndef, {first});
    pos(c);
    Label indirect = e_.new_label();
    Label done = e_.new_label();
    e_.emit_jump(Op::kJStrictNeK, {fn, e_.constant(vm::Value::object(vm_.intrinsics().eval))},
                 indirect);
    e_.emit(Op::kIntrinsic,
            {dst, static_cast<std::uint16_t>(vm::Intrinsic::kDirectEval), first, eval_scope()});
    e_.emit_jump(Op::kJmp, {}, done);
    e_.bind(indirect);
    e_.emit(Op::kCallU, {dst, fn, first, argc});
    e_.record_call_name(callee_name(callee));
    e_.bind(done);
    e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
    return;
  }
  Reg fn = temp();
  Reg self = temp();
  bool undefined_this = false;  // CallU: no receiver register is loaded
  Reg receiver = self;          // the register passed as `this`
  // Evaluate callee and receiver. `(a?.b)()` still calls with this = a.
  const Node* inner = callee;
  Label local_nil;
  if (inner->kind == NodeKind::kChainExpression &&
      static_cast<const ChainExpression*>(inner)->expression->kind == NodeKind::kMemberExpression) {
    inner = static_cast<const ChainExpression*>(inner)->expression;
    local_nil = e_.new_label();
    nil = local_nil;
  }
  if (inner->kind == NodeKind::kMemberExpression) {
    auto* m = static_cast<const MemberExpression*>(inner);
    if (m->object->kind == NodeKind::kSuper) {
      Reg key = temp();
      property_key(m->property, m->computed, key);
      pos(m);
      e_.emit(Op::kGetSuper, {fn, key});
      load_this(self, m->object);
      e_.free_temps_to(static_cast<Reg>(self + 1));
    } else {
#if KITE_OPT_LEAN_BYTECODE
      // o.f(args) on a register local o: the receiver operand is o's own
      // register (no Mov), unless an argument could reassign o first.
      if (!nil.valid() && !m->optional && !m->computed &&
          m->object->kind == NodeKind::kIdentifier && !args_have_spread(c->arguments)) {
        Reg direct = binding_reg_if_direct(ctx_.scopes.resolved(m->object), m->object);
        bool safe = direct != 0xFFFF;
        for (const Node* a : c->arguments) safe = safe && !may_assign(a);
        if (safe) receiver = direct;
      }
#endif
      if (receiver != self) {
        // loaded in place
      } else if (nil.valid()) {
        chain_element(m->object, self, nil);
      } else {
        expr(m->object, self);
      }
      if (m->optional) e_.emit_jump(Op::kJmpNullish, {self}, nil);
      pos(m);
      if (!m->computed) {
        e_.emit(Op::kGetProp,
                {fn, receiver, name_const(static_cast<const Identifier*>(m->property)->name),
                 e_.new_ic()});
      } else {
        Reg key = temp();
        expr(m->property, key);
        pos(m);
        get_elem(m, fn, self, key);
        e_.free_temps_to(static_cast<Reg>(self + 1));
      }
    }
  } else {
    if (nil.valid()) {
      chain_element(inner, fn, nil);
    } else {
      expr(inner, fn);
    }
#if KITE_OPT_LEAN_BYTECODE
    undefined_this = true;
#else
    e_.emit(Op::kLoadUndef, {self});
#endif
  }
  if (local_nil.valid()) {
    Label go = e_.new_label();
    e_.emit_jump(Op::kJmp, {}, go);
    e_.bind(local_nil);
    e_.emit(Op::kLoadUndef, {fn});
    e_.bind(go);
  }
  if (c->optional) e_.emit_jump(Op::kJmpNullish, {fn}, nil);
  std::uint16_t name = callee_name(callee);
  // Where the call is in error.stack, as V8 has it: the name in a.b.c(),
  // else the start of the callee.
  const Node* at = c;
  if (inner->kind == NodeKind::kMemberExpression &&
      !static_cast<const MemberExpression*>(inner)->computed) {
    at = static_cast<const MemberExpression*>(inner)->property;
  }
  if (args_have_spread(c->arguments)) {
    Reg arr = temp();
    args_array(c->arguments, arr);
    pos(at);
    if (undefined_this) e_.emit(Op::kLoadUndef, {self});
    e_.emit(Op::kCallSpread, {dst, fn, self, arr});
    e_.record_call_name(name);
  } else {
    auto argc = static_cast<std::uint16_t>(c->arguments.size());
    Reg first = e_.alloc_temps(argc);
    for (std::uint16_t i = 0; i < argc; ++i) expr(c->arguments[i], static_cast<Reg>(first + i));
    pos(at);
    if (undefined_this) {
      e_.emit(Op::kCallU, {dst, fn, first, argc});
    } else {
      e_.emit(Op::kCall, {dst, fn, receiver, first, argc});
    }
    e_.record_call_name(name);
  }
  e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
}

void FunctionCompiler::new_expr(const CallExpression* c, Reg dst) {
  Reg mark = e_.temp_mark();
  Reg fn = temp();
  expr(c->callee, fn);
  std::uint16_t name = callee_name(c->callee);
  if (args_have_spread(c->arguments)) {
    Reg arr = temp();
    args_array(c->arguments, arr);
    pos(c);
    e_.emit(Op::kNewSpread, {dst, fn, arr});
  } else {
    auto argc = static_cast<std::uint16_t>(c->arguments.size());
    Reg first = e_.alloc_temps(argc);
    for (std::uint16_t i = 0; i < argc; ++i) expr(c->arguments[i], static_cast<Reg>(first + i));
    pos(c);
    e_.emit(Op::kNew, {dst, fn, first, argc});
  }
  e_.record_call_name(name);
  e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
}

void FunctionCompiler::function_expr(const FunctionNode* f, Reg dst) {
  vm::FunctionTemplate* t = compile_nested(f);
  e_.emit(Op::kNewClosure, {dst, e_.constant(vm::Value::cell(t))});
}

void FunctionCompiler::property_key(const Node* key, bool computed, Reg dst) {
  if (computed) {
    expr(key, dst);
    e_.emit(Op::kToPropertyKey, {dst, dst});
    return;
  }
  switch (key->kind) {
    case NodeKind::kIdentifier:
      e_.emit(Op::kLoadK, {dst, name_const(static_cast<const Identifier*>(key)->name)});
      return;
    case NodeKind::kStringLiteral:
      e_.emit(Op::kLoadK, {dst, name_const(static_cast<const StringLiteral*>(key)->value)});
      return;
    case NodeKind::kNumberLiteral:
      expr(key, dst);
      e_.emit(Op::kToPropertyKey, {dst, dst});
      return;
    default:
      expr(key, dst);
      e_.emit(Op::kToPropertyKey, {dst, dst});
  }
}

void FunctionCompiler::array_literal(const ArrayExpression* a, Reg dst) {
  Reg mark = e_.temp_mark();
  Reg arr = dst;
  e_.emit(Op::kNewArray,
          {arr, static_cast<std::uint16_t>(std::min<std::size_t>(a->elements.size(), 1024))});
  for (const Node* el : a->elements) {
    if (el == nullptr) {
      e_.emit(Op::kArrayHole, {arr});
      continue;
    }
    if (el->kind == NodeKind::kSpreadElement) {
      Reg t = temp();
      expr(static_cast<const SpreadElement*>(el)->argument, t);
      e_.emit(Op::kArraySpread, {arr, t});
      e_.record_call_name(callee_name(static_cast<const SpreadElement*>(el)->argument));
      e_.free_temps_to(t);
      continue;
    }
    Reg t = expr_any(el);
    e_.emit(Op::kArrayPush, {arr, t});
    e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
  }
}

void FunctionCompiler::object_literal(const ObjectExpression* o, Reg dst) {
  Reg mark = e_.temp_mark();
  Reg obj = dst;
  e_.emit(Op::kNewObject, {obj});
  for (const Property& p : o->properties) {
    e_.position(p.pos.line, p.pos.column);
    if (p.spread != nullptr) {
      Reg t = temp();
      expr(p.spread, t);
      e_.emit(Op::kCopyProps, {obj, t});
      e_.free_temps_to(t);
      continue;
    }
    bool simple_name =
        !p.computed && (p.key->kind == NodeKind::kIdentifier ||
                        (p.key->kind == NodeKind::kStringLiteral &&
                         !static_cast<const StringLiteral*>(p.key)->value.empty() &&
                         !(static_cast<const StringLiteral*>(p.key)->value[0] >= '0' &&
                           static_cast<const StringLiteral*>(p.key)->value[0] <= '9')));
    if (p.kind == PropertyKind::kInit && !p.method && simple_name) {
      const std::u16string& name = p.key->kind == NodeKind::kIdentifier
                                       ? static_cast<const Identifier*>(p.key)->name
                                       : static_cast<const StringLiteral*>(p.key)->value;
      if (name == u"__proto__" && !p.shorthand) {
        // Annex B __proto__: value sets the prototype.
        Reg t = temp();
        Reg fn = temp();
        Reg args = e_.alloc_temps(2);
        expr(p.value, t);
        e_.emit(Op::kLdGlobal, {fn, e_.ascii_constant("Object"), e_.new_ic()});
        e_.emit(Op::kGetProp, {fn, fn, e_.ascii_constant("setPrototypeOf"), e_.new_ic()});
        e_.emit(Op::kMov, {args, obj});
        e_.emit(Op::kMov, {static_cast<Reg>(args + 1), t});
        Reg tmp_this = temp();
        e_.emit(Op::kLoadUndef, {tmp_this});
        Label skip = e_.new_label();
        e_.emit_jump(Op::kJmpUndef, {t}, skip);
        e_.emit(Op::kCall, {t, fn, tmp_this, args, 2});
        e_.bind(skip);
        e_.free_temps_to(t);
        continue;
      }
      Reg v = expr_any(p.value);
      e_.emit(Op::kDefineField, {obj, name_const(name), v, e_.new_ic()});
      e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
      continue;
    }
    Reg key = temp();
    Reg v = temp();
    property_key(p.key, p.computed, key);
    expr(p.value, v);
    if (p.method || p.kind != PropertyKind::kInit) e_.emit(Op::kSetHome, {v, obj});
    if (p.computed && p.kind == PropertyKind::kInit && is_anonymous_definition(p.value)) {
      e_.emit(Op::kSetFunctionName, {v, key});
    }
    if (p.kind == PropertyKind::kGet) {
      e_.emit(Op::kDefineGetter, {obj, key, v, 1});
    } else if (p.kind == PropertyKind::kSet) {
      e_.emit(Op::kDefineSetter, {obj, key, v, 1});
    } else {
      e_.emit(Op::kDefineElem, {obj, key, v});
    }
    e_.free_temps_to(key);
  }
}

void FunctionCompiler::template_literal(const TemplateLiteral* t, Reg dst) {
  Reg mark = e_.temp_mark();
#if KITE_OPT_LEAN_BYTECODE
  if (!t->expressions.empty()) {
    // Every part into consecutive registers (substitutions through
    // ToString, in order), then one Concat: no intermediate strings.
    std::uint16_t count = 0;
    for (std::size_t i = 0; i <= t->expressions.size(); ++i) {
      if (!t->cooked[i].empty()) ++count;
      if (i < t->expressions.size()) ++count;
    }
    Reg first = e_.alloc_temps(count);
    Reg at = first;
    for (std::size_t i = 0; i <= t->expressions.size(); ++i) {
      if (!t->cooked[i].empty()) {
        e_.emit(Op::kLoadK, {at, name_const(t->cooked[i])});
        ++at;
      }
      if (i < t->expressions.size()) {
        Reg sub_mark = e_.temp_mark();
        Reg v = expr_any(t->expressions[i]);
        e_.emit(Op::kToString, {at, v});
        e_.free_temps_to(sub_mark);
        ++at;
      }
    }
    pos(t);
    if (count == 1) {
      e_.emit(Op::kMov, {dst, first});
    } else {
      e_.emit(Op::kConcat, {dst, first, count});
    }
    e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
    return;
  }
#endif
  e_.emit(Op::kLoadK, {dst, name_const(t->cooked[0])});
  for (std::size_t i = 0; i < t->expressions.size(); ++i) {
    Reg v = temp();
    expr(t->expressions[i], v);
    e_.emit(Op::kToString, {v, v});
    e_.emit(Op::kAdd, {dst, dst, v});
    if (!t->cooked[i + 1].empty()) {
      e_.emit(Op::kLoadK, {v, name_const(t->cooked[i + 1])});
      e_.emit(Op::kAdd, {dst, dst, v});
    }
    e_.free_temps_to(v);
  }
  e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
}

void FunctionCompiler::tagged_template(const TaggedTemplate* t, Reg dst) {
  Reg mark = e_.temp_mark();
  Reg fn = temp();
  Reg self = temp();
  const Node* tag = t->tag;
  if (tag->kind == NodeKind::kMemberExpression &&
      static_cast<const MemberExpression*>(tag)->object->kind != NodeKind::kSuper) {
    auto* m = static_cast<const MemberExpression*>(tag);
    expr(m->object, self);
    if (!m->computed) {
      e_.emit(
          Op::kGetProp,
          {fn, self, name_const(static_cast<const Identifier*>(m->property)->name), e_.new_ic()});
    } else {
      Reg k = temp();
      expr(m->property, k);
      get_elem(m, fn, self, k);
      e_.free_temps_to(static_cast<Reg>(self + 1));
    }
  } else {
    expr(tag, fn);
    e_.emit(Op::kLoadUndef, {self});
  }
  auto argc = static_cast<std::uint16_t>(t->quasi->expressions.size() + 1);
  Reg first = e_.alloc_temps(argc);
  Reg strings = first;
  Reg raw = temp();
  e_.emit(Op::kNewArray, {strings, static_cast<std::uint16_t>(t->quasi->cooked.size())});
  e_.emit(Op::kNewArray, {raw, static_cast<std::uint16_t>(t->quasi->raw.size())});
  Reg s = temp();
  for (std::size_t i = 0; i < t->quasi->cooked.size(); ++i) {
    if (t->quasi->cooked_valid[i]) {
      e_.emit(Op::kLoadK, {s, name_const(t->quasi->cooked[i])});
    } else {
      e_.emit(Op::kLoadUndef, {s});
    }
    e_.emit(Op::kArrayPush, {strings, s});
    e_.emit(Op::kLoadK, {s, name_const(t->quasi->raw[i])});
    e_.emit(Op::kArrayPush, {raw, s});
  }
  e_.emit(Op::kLoadK, {s, e_.ascii_constant("raw")});
  e_.emit(Op::kDefineMethod, {strings, s, raw});
  e_.free_temps_to(raw);
  for (std::size_t i = 0; i < t->quasi->expressions.size(); ++i) {
    expr(t->quasi->expressions[i], static_cast<Reg>(first + 1 + i));
  }
  pos(t);
  e_.emit(Op::kCall, {dst, fn, self, first, argc});
  e_.record_call_name(callee_name(tag));
  e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
}

}  // namespace kite::compiler
