// Code generation for operators: unary, binary and logical operators,
// conditions compiled to jumps (cond), assignment, update, and expressions
// evaluated for effect only.
#include "compiler/function_compiler.h"

#include <kite/perf_flags.h>

#include <cmath>

namespace kite::compiler {

using namespace kite::parser;
using vm::Op;  // bytecode opcodes; AST operators are parser::Op
using AstOp = parser::Op;

namespace {

// A number literal that is an int16 (not -0): an immediate operand.
bool int16_literal(const Node* n, std::int16_t* out) {
  if (n->kind != NodeKind::kNumberLiteral) return false;
  double v = static_cast<const NumberLiteral*>(n)->value;
  if (!(v >= -32768 && v <= 32767) || v != std::trunc(v) || (v == 0 && std::signbit(v)))
    return false;
  *out = static_cast<std::int16_t>(v);
  return true;
}

Op binary_opcode(AstOp op) {
  switch (op) {
    case AstOp::kAdd:
      return Op::kAdd;
    case AstOp::kSub:
      return Op::kSub;
    case AstOp::kMul:
      return Op::kMul;
    case AstOp::kDiv:
      return Op::kDiv;
    case AstOp::kMod:
      return Op::kMod;
    case AstOp::kExp:
      return Op::kExp;
    case AstOp::kShl:
      return Op::kShl;
    case AstOp::kShr:
      return Op::kShr;
    case AstOp::kUShr:
      return Op::kUShr;
    case AstOp::kBitAnd:
      return Op::kBitAnd;
    case AstOp::kBitOr:
      return Op::kBitOr;
    case AstOp::kBitXor:
      return Op::kBitXor;
    case AstOp::kEq:
      return Op::kEq;
    case AstOp::kNe:
      return Op::kNe;
    case AstOp::kStrictEq:
      return Op::kStrictEq;
    case AstOp::kStrictNe:
      return Op::kStrictNe;
    case AstOp::kLt:
      return Op::kLt;
    case AstOp::kLe:
      return Op::kLe;
    case AstOp::kGt:
      return Op::kGt;
    case AstOp::kGe:
      return Op::kGe;
    case AstOp::kIn:
      return Op::kIn;
    case AstOp::kInstanceOf:
      return Op::kInstanceOf;
    default:
      return Op::kNop;
  }
}

}  // namespace

// The operands of a binary operator (see the declaration).
std::pair<Reg, Reg> FunctionCompiler::operands(const BinaryExpression* b, Reg mark) {
  Reg l = expr_any(b->left);
  if (l < mark && may_assign(b->right)) {
    Reg copy = temp();
    e_.emit(Op::kMov, {copy, l});
    l = copy;
  }
  Reg r = expr_any(b->right);
  return {l, r};
}

void FunctionCompiler::unary(const UnaryExpression* u, Reg dst) {
  Reg mark = e_.temp_mark();
  switch (u->op) {
    case AstOp::kTypeof: {
      const Node* a = u->argument;
      if (a->kind == NodeKind::kIdentifier && ctx_.scopes.resolved(a) == nullptr) {
        e_.emit(Op::kLdGlobalOrUndef, {dst, name_const(static_cast<const Identifier*>(a)->name)});
        e_.emit(Op::kTypeOf, {dst, dst});
        return;
      }
      Reg r = expr_any(a);
      e_.emit(Op::kTypeOf, {dst, r});
      break;
    }
    case AstOp::kVoid: {
      Reg r = temp();
      expr(u->argument, r);
      e_.emit(Op::kLoadUndef, {dst});
      break;
    }
    case AstOp::kDelete: {
      const Node* a = u->argument;
      if (a->kind == NodeKind::kChainExpression)
        a = static_cast<const ChainExpression*>(a)->expression;
      if (a->kind == NodeKind::kMemberExpression) {
        auto* m = static_cast<const MemberExpression*>(a);
        if (m->object->kind == NodeKind::kSuper) {
          e_.emit(Op::kThrowTypeError, {e_.ascii_constant("Unsupported reference to 'super'")});
          break;
        }
        Reg obj = temp();
        Reg key = temp();
        Label nil = e_.new_label();
        Label end = e_.new_label();
        bool in_chain = u->argument->kind == NodeKind::kChainExpression;
        if (in_chain) {
          chain_element(m->object, obj, nil);
        } else {
          expr(m->object, obj);
        }
        if (m->optional) e_.emit_jump(Op::kJmpNullish, {obj}, nil);
        property_key(m->property, m->computed, key);
        pos(u);
        e_.emit(Op::kDelProp, {dst, obj, key});
        if (in_chain) {
          e_.emit_jump(Op::kJmp, {}, end);
          e_.bind(nil);
          e_.emit(Op::kLoadTrue, {dst});
          e_.bind(end);
        }
        break;
      }
      Reg r = temp();
      expr(a, r);
      e_.emit(Op::kLoadTrue, {dst});
      break;
    }
    case AstOp::kNot: {
      Reg r = expr_any(u->argument);
      e_.emit(Op::kNot, {dst, r});
      break;
    }
    case AstOp::kBitNot: {
      Reg r = expr_any(u->argument);
      pos(u);
      e_.emit(Op::kBitNot, {dst, r});
      break;
    }
    case AstOp::kPlus: {
      Reg r = expr_any(u->argument);
      pos(u);
      e_.emit(Op::kToNumber, {dst, r});
      break;
    }
    case AstOp::kMinus: {
      const Node* a = u->argument;
      if (a->kind == NodeKind::kNumberLiteral) {
        double v = -static_cast<const NumberLiteral*>(a)->value;
        if (v == std::trunc(v) && v >= -32768 && v <= 32767 && v != 0) {
          e_.emit(Op::kLoadI, {dst, static_cast<std::uint16_t>(static_cast<std::int16_t>(v))});
        } else {
          e_.emit(Op::kLoadK, {dst, e_.constant(vm::Value::number(v))});
        }
        break;
      }
      Reg r = expr_any(a);
      pos(u);
      e_.emit(Op::kNeg, {dst, r});
      break;
    }
    default:
      error("unsupported unary operator", u);
  }
  e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
}

void FunctionCompiler::binary(const BinaryExpression* b, Reg dst) {
  Reg mark = e_.temp_mark();
  if (b->op == AstOp::kIn && b->left->kind == NodeKind::kIdentifier &&
      static_cast<const Identifier*>(b->left)->name[0] == u'#') {
    // `#x in obj`: whether obj has the private element (a TypeError unless
    // obj is an object).
    Reg key = temp();
    expr(b->left, key);
    Reg obj = expr_any(b->right);
    pos(b);
    e_.emit(Op::kHasPrivate, {dst, key, obj});
    e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
    return;
  }
  // x + small-int constant
  if (std::int16_t imm; b->op == AstOp::kAdd && int16_literal(b->right, &imm)) {
    Reg l = expr_any(b->left);
    pos(b);
    e_.emit(Op::kAddI, {dst, l, static_cast<std::uint16_t>(imm)});
    e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
    return;
  }
#if KITE_OPT_CONST_OPERANDS
  // x op number-literal: the constant is an operand, not a LoadK/LoadI.
  if (b->right->kind == NodeKind::kNumberLiteral) {
    Op kop = Op::kNop;
    switch (b->op) {
      case AstOp::kAdd:
        kop = Op::kAddK;
        break;
      case AstOp::kSub:
        kop = Op::kSubK;
        break;
      case AstOp::kMul:
        kop = Op::kMulK;
        break;
      case AstOp::kDiv:
        kop = Op::kDivK;
        break;
      case AstOp::kMod:
        kop = Op::kModK;
        break;
      default:
        break;
    }
    if (kop != Op::kNop) {
      Reg l = expr_any(b->left);
      pos(b);
      double v = static_cast<const NumberLiteral*>(b->right)->value;
      std::uint16_t k = e_.constant(vm::Value::number(v));
      if (kop == Op::kModK) {
        // x % d for a positive int32 d: the interpreter divides by
        // multiplying (Lemire's fastmod, exact for 32-bit operands).
        std::uint64_t m = 0;
        if (v >= 1 && v <= 2147483647.0 && v == std::trunc(v)) {
          m = UINT64_MAX / static_cast<std::uint64_t>(v) + 1;
        }
        e_.emit(kop, {dst, l, k, static_cast<std::uint16_t>(m), static_cast<std::uint16_t>(m >> 16),
                      static_cast<std::uint16_t>(m >> 32), static_cast<std::uint16_t>(m >> 48)});
      } else {
        e_.emit(kop, {dst, l, k});
      }
      e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
      return;
    }
  }
#endif
  auto [l, r] = operands(b, mark);
  pos(b);
  e_.emit(binary_opcode(b->op), {dst, l, r});
  e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
}

void FunctionCompiler::logical(const BinaryExpression* b, Reg dst) {
  Label end = e_.new_label();
  expr(b->left, dst);
  switch (b->op) {
    case AstOp::kAnd:
      e_.emit_jump(Op::kJmpFalse, {dst}, end);
      break;
    case AstOp::kOr:
      e_.emit_jump(Op::kJmpTrue, {dst}, end);
      break;
    default:
      e_.emit_jump(Op::kJmpNotNullish, {dst}, end);
  }
  expr(b->right, dst);
  e_.bind(end);
}

// Jumps to `target` when ToBoolean(n) == jump_if; falls through otherwise.
void FunctionCompiler::cond(const Node* n, Label target, bool jump_if) {
  Reg mark = e_.temp_mark();
  if (n->kind == NodeKind::kUnaryExpression &&
      static_cast<const UnaryExpression*>(n)->op == AstOp::kNot) {
    cond(static_cast<const UnaryExpression*>(n)->argument, target, !jump_if);
    return;
  }
  if (n->kind == NodeKind::kLogicalExpression) {
    auto* b = static_cast<const BinaryExpression*>(n);
    if (b->op == AstOp::kAnd) {
      if (jump_if) {
        Label skip = e_.new_label();
        cond(b->left, skip, false);
        cond(b->right, target, true);
        e_.bind(skip);
      } else {
        cond(b->left, target, false);
        cond(b->right, target, false);
      }
      return;
    }
    if (b->op == AstOp::kOr) {
      if (jump_if) {
        cond(b->left, target, true);
        cond(b->right, target, true);
      } else {
        Label skip = e_.new_label();
        cond(b->left, skip, true);
        cond(b->right, target, false);
        e_.bind(skip);
      }
      return;
    }
  }
  if (n->kind == NodeKind::kBinaryExpression) {
    auto* b = static_cast<const BinaryExpression*>(n);
    bool relational =
        b->op == AstOp::kLt || b->op == AstOp::kLe || b->op == AstOp::kGt || b->op == AstOp::kGe;
#if KITE_OPT_LEAN_BYTECODE
    if (relational) {
      // One fused instruction either way: JLt.. when the comparison is true,
      // JNLt.. when it is false (NaN included); an int16 literal on the right
      // is an immediate operand.
      int which = b->op == AstOp::kLt ? 0 : b->op == AstOp::kLe ? 1 : b->op == AstOp::kGt ? 2 : 3;
      static constexpr Op kReg[2][4] = {{Op::kJNLt, Op::kJNLe, Op::kJNGt, Op::kJNGe},
                                        {Op::kJLt, Op::kJLe, Op::kJGt, Op::kJGe}};
      static constexpr Op kImm[2][4] = {{Op::kJNLtI, Op::kJNLeI, Op::kJNGtI, Op::kJNGeI},
                                        {Op::kJLtI, Op::kJLeI, Op::kJGtI, Op::kJGeI}};
      if (std::int16_t imm; int16_literal(b->right, &imm)) {
        Reg l = expr_any(b->left);
        pos(b);
        e_.emit_jump(kImm[jump_if][which], {l, static_cast<std::uint16_t>(imm)}, target);
        e_.free_temps_to(mark);
        return;
      }
      auto [l, r] = operands(b, mark);
      pos(b);
      e_.emit_jump(kReg[jump_if][which], {l, r}, target);
      e_.free_temps_to(mark);
      return;
    }
#endif
    Op jop = Op::kNop;
    // Fused compare-and-branch; negations keep NaN semantics by swapping
    // to the complementary operator only for strict (in)equality.
    switch (b->op) {
      case AstOp::kLt:
        jop = jump_if ? Op::kJLt : Op::kNop;
        break;
      case AstOp::kLe:
        jop = jump_if ? Op::kJLe : Op::kNop;
        break;
      case AstOp::kGt:
        jop = jump_if ? Op::kJGt : Op::kNop;
        break;
      case AstOp::kGe:
        jop = jump_if ? Op::kJGe : Op::kNop;
        break;
      case AstOp::kStrictEq:
        jop = jump_if ? Op::kJStrictEq : Op::kJStrictNe;
        break;
      case AstOp::kStrictNe:
        jop = jump_if ? Op::kJStrictNe : Op::kJStrictEq;
        break;
      default:
        break;
    }
#if KITE_OPT_CONST_OPERANDS
    if ((jop == Op::kJStrictEq || jop == Op::kJStrictNe) &&
        b->right->kind == NodeKind::kNumberLiteral) {
      Reg l = expr_any(b->left);
      pos(b);
      double v = static_cast<const NumberLiteral*>(b->right)->value;
      e_.emit_jump(jop == Op::kJStrictEq ? Op::kJStrictEqK : Op::kJStrictNeK,
                   {l, e_.constant(vm::Value::number(v))}, target);
      e_.free_temps_to(mark);
      return;
    }
#endif
    if (jop != Op::kNop) {
      auto [l, r] = operands(b, mark);
      pos(b);
      e_.emit_jump(jop, {l, r}, target);
      e_.free_temps_to(mark);
      return;
    }
    if (!jump_if && relational) {
      // if (a < b) body: jump over the body when !(a < b), i.e. when the
      // fused compare does NOT take: compare into the body instead.
      Label body = e_.new_label();
      Op taken = b->op == AstOp::kLt   ? Op::kJLt
                 : b->op == AstOp::kLe ? Op::kJLe
                 : b->op == AstOp::kGt ? Op::kJGt
                                       : Op::kJGe;
      auto [l, r] = operands(b, mark);
      pos(b);
      e_.emit_jump(taken, {l, r}, body);
      e_.emit_jump(Op::kJmp, {}, target);
      e_.bind(body);
      e_.free_temps_to(mark);
      return;
    }
  }
  Reg r = expr_any(n);
  e_.emit_jump(jump_if ? Op::kJmpTrue : Op::kJmpFalse, {r}, target);
  e_.free_temps_to(mark);
}

void FunctionCompiler::assign(const AssignmentExpression* a, Reg dst) {
  Reg mark = e_.temp_mark();
  const Node* target = a->target;
  if (a->op == AstOp::kAssign) {
    if (target->kind == NodeKind::kIdentifier) {
      expr(a->value, dst);
      pos(a);
      store_identifier(static_cast<const Identifier*>(target), dst, false);
      return;
    }
    if (target->kind == NodeKind::kMemberExpression) {
      auto* m = static_cast<const MemberExpression*>(target);
      if (m->object->kind == NodeKind::kSuper) {
        Reg key = temp();
        property_key(m->property, m->computed, key);
        expr(a->value, dst);
        pos(a);
        e_.emit(Op::kSetSuper, {key, dst});
        e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
        return;
      }
      Reg obj = temp();
      expr(m->object, obj);
      if (!m->computed) {
        expr(a->value, dst);
        pos(a);
        e_.emit(Op::kSetProp, {obj, name_const(static_cast<const Identifier*>(m->property)->name),
                               dst, e_.new_ic()});
      } else {
        Reg key = temp();
        expr(m->property, key);
        expr(a->value, dst);
        pos(a);
        set_elem(m, obj, key, dst);
      }
      e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
      return;
    }
    // Destructuring assignment: the value of the expression is the RHS.
    expr(a->value, dst);
    Reg v = temp();
    e_.emit(Op::kMov, {v, dst});
    assign_target(target, v, false);
    e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
    return;
  }
  bool logical_op = a->op == AstOp::kAnd || a->op == AstOp::kOr || a->op == AstOp::kNullish;
  auto combine = [&](Reg cur, auto&& store) {
    if (logical_op) {
      Label end = e_.new_label();
      e_.emit(Op::kMov, {dst, cur});
      if (a->op == AstOp::kAnd) e_.emit_jump(Op::kJmpFalse, {dst}, end);
      if (a->op == AstOp::kOr) e_.emit_jump(Op::kJmpTrue, {dst}, end);
      if (a->op == AstOp::kNullish) e_.emit_jump(Op::kJmpNotNullish, {dst}, end);
      expr(a->value, dst);
      store(dst);
      e_.bind(end);
      return;
    }
    Reg v = temp();
    expr(a->value, v);
    pos(a);
    e_.emit(binary_opcode(a->op), {dst, cur, v});
    store(dst);
  };
  if (target->kind == NodeKind::kIdentifier) {
    auto* id = static_cast<const Identifier*>(target);
    Reg cur = temp();
    load_identifier(id, cur);
    combine(cur, [&](Reg v) { store_identifier(id, v, false); });
  } else {
    auto* m = static_cast<const MemberExpression*>(target);
    if (m->object->kind == NodeKind::kSuper) {
      Reg key = temp();
      Reg cur = temp();
      property_key(m->property, m->computed, key);
      e_.emit(Op::kGetSuper, {cur, key});
      combine(cur, [&](Reg v) { e_.emit(Op::kSetSuper, {key, v}); });
    } else {
      Reg obj = temp();
      Reg cur = temp();
      expr(m->object, obj);
      pos(m);
      if (!m->computed) {
        std::uint16_t name = name_const(static_cast<const Identifier*>(m->property)->name);
        e_.emit(Op::kGetProp, {cur, obj, name, e_.new_ic()});
        combine(cur, [&](Reg v) { e_.emit(Op::kSetProp, {obj, name, v, e_.new_ic()}); });
      } else {
        Reg key = temp();
        expr(m->property, key);
        if (!m->is_private) {
          // The key is converted once, after the base is known not to be
          // null or undefined (GetValue's ToObject comes first).
          Label ok = e_.new_label();
          e_.emit_jump(Op::kJmpNotNullish, {obj}, ok);
          e_.emit(Op::kGetElem, {cur, obj, key});  // throws the TypeError
          e_.bind(ok);
          e_.emit(Op::kToPropertyKey, {key, key});
        }
        get_elem(m, cur, obj, key);
        combine(cur, [&](Reg v) { set_elem(m, obj, key, v); });
      }
    }
  }
  e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
}

// An expression whose value is unused (expression statements, for-loop
// updates).
void FunctionCompiler::effect(const Node* n) {
  Reg mark = e_.temp_mark();
  if (!effect_direct(n)) {
    Reg r = temp();
    expr(n, r);
  }
  e_.free_temps_to(mark);
}

// KITE_OPT_DIRECT_STORE: `x++`, `x = a op b` and `x op= v` on a local held
// in a register compute straight into that register instead of a temporary
// that is then moved (one instruction less per statement). Returns false
// when `n` is not of that form; the caller then compiles it as a value.
bool FunctionCompiler::effect_direct(const Node* n) {
#if KITE_OPT_DIRECT_STORE
  if (n->kind == NodeKind::kUpdateExpression) {
    auto* u = static_cast<const UpdateExpression*>(n);
    if (u->argument->kind != NodeKind::kIdentifier) return false;
    auto* id = static_cast<const Identifier*>(u->argument);
    Binding* b = ctx_.scopes.resolved(id);
    Reg direct = binding_reg_if_direct(b, id);
    if (direct == 0xFFFF || b->is_const()) return false;
    // Inc/Dec apply ToNumeric themselves.
    e_.emit(u->op == AstOp::kInc ? Op::kInc : Op::kDec, {direct, direct});
    return true;
  }
  if (n->kind != NodeKind::kAssignmentExpression) return false;
  auto* a = static_cast<const AssignmentExpression*>(n);
#if KITE_OPT_LEAN_BYTECODE
  // `o.p = v` / `o[k] = v` as a statement: object, key and value are read
  // from their own registers when they are register locals (no Movs), as
  // long as nothing evaluated later can reassign one evaluated earlier.
  if (a->op == AstOp::kAssign && a->target->kind == NodeKind::kMemberExpression) {
    auto* m = static_cast<const MemberExpression*>(a->target);
    if (m->object->kind == NodeKind::kSuper || may_assign(a->value) ||
        (m->computed && may_assign(m->property))) {
      return false;
    }
    Reg mark = e_.temp_mark();
    Reg obj = expr_any(m->object);
    if (!m->computed) {
      Reg v = expr_any(a->value);
      pos(a);
      e_.emit(Op::kSetProp,
              {obj, name_const(static_cast<const Identifier*>(m->property)->name), v, e_.new_ic()});
    } else {
      Reg key = expr_any(m->property);
      Reg v = expr_any(a->value);
      pos(a);
      set_elem(m, obj, key, v);
    }
    e_.free_temps_to(mark);
    return true;
  }
#endif
  if (a->target->kind != NodeKind::kIdentifier) return false;
  auto* id = static_cast<const Identifier*>(a->target);
  Binding* b = ctx_.scopes.resolved(id);
  Reg direct = binding_reg_if_direct(b, id);
  if (direct == 0xFFFF || b->is_const()) return false;
  if (a->op == AstOp::kAssign) {
#if KITE_OPT_LEAN_BYTECODE
    // A call writes its destination only when the callee returns.
    if (a->value->kind == NodeKind::kCallExpression &&
        static_cast<const CallExpression*>(a->value)->callee->kind != NodeKind::kSuper &&
        !static_cast<const CallExpression*>(a->value)->optional &&
        static_cast<const CallExpression*>(a->value)->callee->kind != NodeKind::kChainExpression) {
      call(static_cast<const CallExpression*>(a->value), direct, Label());
      return true;
    }
#endif
    // binary() writes its destination only with its last instruction, after
    // every operand has been read, so the local may be that destination.
    if (a->value->kind != NodeKind::kBinaryExpression) return false;
    if (binary_opcode(static_cast<const BinaryExpression*>(a->value)->op) == Op::kNop) return false;
    binary(static_cast<const BinaryExpression*>(a->value), direct);
    return true;
  }
  Op op = binary_opcode(a->op);
  if (op == Op::kNop || may_assign(a->value)) return false;
  Reg v = expr_any(a->value);
  pos(a);
  e_.emit(op, {direct, direct, v});
  return true;
#else
  (void)n;
  return false;
#endif
}

void FunctionCompiler::update(const UpdateExpression* u, Reg dst) {
  Reg mark = e_.temp_mark();
  Op op = u->op == AstOp::kInc ? Op::kInc : Op::kDec;
  const Node* target = u->argument;
  if (target->kind == NodeKind::kIdentifier) {
    auto* id = static_cast<const Identifier*>(target);
    Binding* b = ctx_.scopes.resolved(id);
    Reg direct = binding_reg_if_direct(b, id);
    if (direct != 0xFFFF && !b->is_const()) {
      if (u->prefix) {
        e_.emit(op, {direct, direct});
        if (dst != direct) e_.emit(Op::kMov, {dst, direct});
      } else {
        e_.emit(Op::kToNumeric, {dst, direct});
        e_.emit(op, {direct, dst});
      }
      return;
    }
    Reg cur = temp();
    load_identifier(id, cur);
    e_.emit(Op::kToNumeric, {cur, cur});
    Reg next = temp();
    e_.emit(op, {next, cur});
    store_identifier(id, next, false);
    e_.emit(Op::kMov, {dst, u->prefix ? next : cur});
    e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
    return;
  }
  auto* m = static_cast<const MemberExpression*>(target);
  Reg obj = temp();
  Reg key = temp();
  Reg cur = temp();
  Reg next = temp();
  if (m->object->kind == NodeKind::kSuper) {
    property_key(m->property, m->computed, key);
    e_.emit(Op::kGetSuper, {cur, key});
    e_.emit(Op::kToNumeric, {cur, cur});
    e_.emit(op, {next, cur});
    e_.emit(Op::kSetSuper, {key, next});
  } else {
    expr(m->object, obj);
    pos(m);
    if (!m->computed) {
      std::uint16_t name = name_const(static_cast<const Identifier*>(m->property)->name);
      e_.emit(Op::kGetProp, {cur, obj, name, e_.new_ic()});
      e_.emit(Op::kToNumeric, {cur, cur});
      e_.emit(op, {next, cur});
      e_.emit(Op::kSetProp, {obj, name, next, e_.new_ic()});
    } else {
      expr(m->property, key);
      if (!m->is_private) {
        Label ok = e_.new_label();
        e_.emit_jump(Op::kJmpNotNullish, {obj}, ok);
        e_.emit(Op::kGetElem, {cur, obj, key});  // throws the TypeError before any ToPropertyKey
        e_.bind(ok);
        e_.emit(Op::kToPropertyKey, {key, key});
      }
      get_elem(m, cur, obj, key);
      e_.emit(Op::kToNumeric, {cur, cur});
      e_.emit(op, {next, cur});
      set_elem(m, obj, key, next);
    }
  }
  e_.emit(Op::kMov, {dst, u->prefix ? next : cur});
  e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
}

}  // namespace kite::compiler
