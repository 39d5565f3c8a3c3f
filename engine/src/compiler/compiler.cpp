// Code generation: AST -> register bytecode, one FunctionCompiler per
// function. Scope analysis (scope.cpp) has already decided where every
// binding lives: captured bindings in heap environments (LdEnv/StEnv),
// the rest in registers.
//
// This file: the entry point compile(), and scopes and bindings. The other
// parts of FunctionCompiler are listed in compiler/function_compiler.h.
#include "compiler/function_compiler.h"

#include <kite/perf_flags.h>

namespace kite::compiler {

using namespace kite::parser;
using vm::Op;  // bytecode opcodes; AST operators are parser::Op

// Whether evaluating `n` may assign to a local variable (so a register
// read before it must be copied first).
bool may_assign(const Node* n) {
  if (n == nullptr) return false;
  switch (n->kind) {
    case NodeKind::kIdentifier:
    case NodeKind::kNumberLiteral:
    case NodeKind::kBigIntLiteral:
    case NodeKind::kStringLiteral:
    case NodeKind::kRegExpLiteral:
    case NodeKind::kBooleanLiteral:
    case NodeKind::kNullLiteral:
    case NodeKind::kThisExpression:
    case NodeKind::kFunctionExpression:
      return false;
    case NodeKind::kAssignmentExpression:
    case NodeKind::kUpdateExpression:
    case NodeKind::kYieldExpression:  // the generator's caller runs meanwhile
    case NodeKind::kAwaitExpression:
      return true;
    case NodeKind::kBinaryExpression:
    case NodeKind::kLogicalExpression: {
      auto* b = static_cast<const BinaryExpression*>(n);
      return may_assign(b->left) || may_assign(b->right);
    }
    case NodeKind::kUnaryExpression:
      return may_assign(static_cast<const UnaryExpression*>(n)->argument);
    case NodeKind::kMemberExpression: {
      auto* m = static_cast<const MemberExpression*>(n);
      return may_assign(m->object) || (m->computed && may_assign(m->property));
    }
    case NodeKind::kConditionalExpression: {
      auto* c = static_cast<const ConditionalExpression*>(n);
      return may_assign(c->test) || may_assign(c->consequent) || may_assign(c->alternate);
    }
    case NodeKind::kCallExpression:
    case NodeKind::kNewExpression: {
      auto* c = static_cast<const CallExpression*>(n);
      if (may_assign(c->callee)) return true;
      for (const Node* a : c->arguments) {
        if (may_assign(a)) return true;
      }
      return false;
    }
    case NodeKind::kArrayExpression:
      for (const Node* e : static_cast<const ArrayExpression*>(n)->elements) {
        if (may_assign(e)) return true;
      }
      return false;
    case NodeKind::kTemplateLiteral:
      for (const Node* e : static_cast<const TemplateLiteral*>(n)->expressions) {
        if (may_assign(e)) return true;
      }
      return false;
    case NodeKind::kSpreadElement:
      return may_assign(static_cast<const SpreadElement*>(n)->argument);
    default:
      return true;
  }
}

// ---- scopes and bindings ----

void FunctionCompiler::enter_scope(Scope* s) {
  if (s == nullptr) return;
  scope_ = s;
  if (s->has_env) e_.emit(Op::kPushEnv, {s->env_size});
  for (Binding* b : s->bindings) {
    if (!b->in_env && b->kind != BindingKind::kThis) b->reg = e_.alloc_local();
  }
  init_lexical_bindings(s);
}

void FunctionCompiler::exit_scope(Scope* s) {
  if (s == nullptr) return;
  if (s->has_env) e_.emit(Op::kPopEnv);
  scope_ = s->parent;
}

void FunctionCompiler::init_lexical_bindings(Scope* s) {
  for (Binding* b : s->bindings) {
    if (b->in_env) continue;  // environments start as holes
    if (b->is_lexical()) {
#if KITE_OPT_LEAN_BYTECODE
      // Nothing can read it before its declaration: no hole needed.
      if (!b->early_ref && !b->in_switch) continue;
#endif
      e_.emit(Op::kLoadHole, {b->reg});
    } else if (b->kind == BindingKind::kVar || b->kind == BindingKind::kFunction) {
      e_.emit(Op::kLoadUndef, {b->reg});
    }
  }
}

void FunctionCompiler::init_env_vars(Scope* s) {
  for (Binding* b : s->bindings) {
    if (b->in_env && (b->kind == BindingKind::kVar || b->kind == BindingKind::kFunction)) {
      Reg r = temp();
      e_.emit(Op::kLoadUndef, {r});
      e_.emit(Op::kStEnv, {0, b->slot, r});
      e_.free_temps_to(r);
    }
  }
}

int FunctionCompiler::env_hops(Scope* from, Scope* to) {
  int hops = 0;
  for (Scope* x = from; x != nullptr && x != to; x = x->parent) {
    if (x->has_env) ++hops;
  }
  return hops;
}

void FunctionCompiler::pop_envs_to(Scope* target) {
  for (Scope* x = scope_; x != nullptr && x != target; x = x->parent) {
    if (x->has_env) e_.emit(Op::kPopEnv);
  }
}

bool FunctionCompiler::needs_tdz_check(Binding* b, const Node* at) {
  if (b->kind == BindingKind::kParam) {
    return b->early_ref && (at == nullptr || at->pos.offset < b->decl_end);
  }
  if (!b->is_lexical() && b->kind != BindingKind::kClassInner) return false;
  if (b->kind == BindingKind::kClassInner) return false;
  if (b->scope->function != info_ || b->in_switch || at == nullptr) return true;
  return at->pos.offset < b->decl_end;
}

void FunctionCompiler::load_binding(Binding* b, Reg dst, const Node* at) {
  if (b->kind == BindingKind::kThis && !b->in_env) {
    if (dst != 0) e_.emit(Op::kMov, {dst, 0});
    if (derived_ctor_) e_.emit(Op::kCheckThis, {dst});
    return;
  }
  if (b->in_env) {
    auto depth = static_cast<std::uint16_t>(env_hops(scope_, b->scope));
    if (b->kind == BindingKind::kImport) {
      e_.emit(Op::kLdImport, {dst, depth, b->slot, name_const(b->name)});
      return;
    }
    if (needs_tdz_check(b, at)) {
      e_.emit(Op::kLdEnvChecked, {dst, depth, b->slot, name_const(b->name)});
    } else {
      e_.emit(Op::kLdEnv, {dst, depth, b->slot});
    }
    if (b->kind == BindingKind::kThis) {
      // An arrow reading a derived constructor's `this` before super().
      e_.emit(Op::kCheckThis, {dst});
    }
    return;
  }
  if (dst != b->reg) e_.emit(Op::kMov, {dst, b->reg});
  if (needs_tdz_check(b, at)) e_.emit(Op::kCheckTdz, {dst, name_const(b->name)});
}

Reg FunctionCompiler::binding_reg_if_direct(Binding* b, const Node* at) {
  if (b == nullptr || b->in_env || b->kind == BindingKind::kThis) return 0xFFFF;
  if (needs_tdz_check(b, at)) return 0xFFFF;
  return b->reg;
}

void FunctionCompiler::store_binding(Binding* b, Reg src, bool init, const Node* at) {
  if (!init) {
    if (b->is_const()) {
      if (b->kind == BindingKind::kConst || b->kind == BindingKind::kClassInner) {
        // TDZ first, then the const error.
        if (needs_tdz_check(b, at)) {
          Reg t = temp();
          load_binding(b, t, at);
          e_.free_temps_to(t);
        }
        e_.emit(Op::kThrowConstAssign, {name_const(b->name)});
        return;
      }
      // A named function expression's own name: assignment is a TypeError.
      e_.emit(Op::kThrowConstAssign, {name_const(b->name)});
      return;
    }
  }
  if (b->kind == BindingKind::kThis) error("Invalid assignment to this", at);
  if (b->in_env) {
    auto depth = static_cast<std::uint16_t>(env_hops(scope_, b->scope));
    if (!init && needs_tdz_check(b, at)) {
      e_.emit(Op::kStEnvChecked, {depth, b->slot, src, name_const(b->name)});
    } else {
      e_.emit(Op::kStEnv, {depth, b->slot, src});
    }
    return;
  }
  if (!init && needs_tdz_check(b, at)) e_.emit(Op::kCheckTdz, {b->reg, name_const(b->name)});
  if (src != b->reg) e_.emit(Op::kMov, {b->reg, src});
}

void FunctionCompiler::load_identifier(const Identifier* id, Reg dst) {
  Binding* b = ctx_.scopes.resolved(id);
  if (b != nullptr) {
    load_binding(b, dst, id);
    return;
  }
  if (id->name == u"undefined") {
    e_.emit(Op::kLoadUndef, {dst});
    return;
  }
  pos(id);
  e_.emit(Op::kLdGlobal, {dst, name_const(id->name), e_.new_ic()});
}

void FunctionCompiler::store_identifier(const Identifier* id, Reg src, bool init) {
  Binding* b = ctx_.scopes.resolved(id);
  if (b != nullptr) {
    store_binding(b, src, init, id);
    return;
  }
  pos(id);
  e_.emit(Op::kStGlobal, {name_const(id->name), src, e_.new_ic()});
}

void FunctionCompiler::hoist_functions(const NodeList& body, Scope* s, bool function_level) {
  for (const Node* n : body) {
    while (n->kind == NodeKind::kLabeledStatement)
      n = static_cast<const LabeledStatement*>(n)->body;
    if (n->kind != NodeKind::kFunctionDeclaration) continue;
    auto* f = static_cast<const FunctionNode*>(n);
    vm::FunctionTemplate* t = compile_nested(f);
    Reg r = temp();
    e_.emit(Op::kNewClosure, {r, e_.constant(vm::Value::cell(t))});
    if (info_->is_script && function_level) {
      e_.emit(Op::kDeclGlobalFunc, {name_const(f->id->name), r});
    } else {
      Binding* b = ctx_.scopes.resolved(f->id);
      store_binding(b, r, true, f);
    }
    e_.free_temps_to(r);
  }
  (void)s;
}

vm::FunctionTemplate* compile(vm::VM& vm, const Program& program, std::string_view source,
                              std::string_view filename) {
  ScopeTree scopes;
  scopes.analyze(program);
  vm::FunctionTemplate* t = nullptr;
  with_context(vm, scopes, source, vm::Value::string(vm.new_string_utf8(filename)),
               [&](Context& ctx) {
                 t = vm.new_function_template();
                 vm.persistent_roots().push_back(vm::Value::cell(t));
                 FunctionCompiler fc(ctx, scopes.script(), t);
                 fc.compile_script(program);
               });
  return t;
}

}  // namespace kite::compiler
