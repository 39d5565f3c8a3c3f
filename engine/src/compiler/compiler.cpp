// Code generation: AST -> register bytecode, one FunctionCompiler per
// function. Scope analysis (scope.cpp) has already decided where every
// binding lives: captured bindings in heap environments (LdEnv/StEnv),
// the rest in registers.
#include "compiler/compiler.h"

#include <kite/perf_flags.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "compiler/emitter.h"
#include "compiler/scope.h"
#include "parser/ast.h"
#include "util/unicode.h"

namespace kite::compiler {

using namespace kite::parser;
using vm::Op;  // bytecode opcodes; AST operators are parser::Op
using AstOp = parser::Op;

namespace {

struct Context {
  vm::VM& vm;
  ScopeTree& scopes;
  std::string_view source;
  vm::Value file_name;
  vm::Value source_string;
  bool source_ascii;
  std::size_t roots_mark;
};

// A number literal that is an int16 (not -0): an immediate operand.
bool int16_literal(const Node* n, std::int16_t* out) {
  if (n->kind != NodeKind::kNumberLiteral) return false;
  double v = static_cast<const NumberLiteral*>(n)->value;
  if (!(v >= -32768 && v <= 32767) || v != std::trunc(v) || (v == 0 && std::signbit(v)))
    return false;
  *out = static_cast<std::int16_t>(v);
  return true;
}

// Whether evaluating `n` may assign to a local variable (so a register
// read before it must be copied first).
bool may_assign(const Node* n) {
  if (n == nullptr) return false;
  switch (n->kind) {
    case NodeKind::kIdentifier:
    case NodeKind::kNumberLiteral:
    case NodeKind::kStringLiteral:
    case NodeKind::kRegExpLiteral:
    case NodeKind::kBooleanLiteral:
    case NodeKind::kNullLiteral:
    case NodeKind::kThisExpression:
    case NodeKind::kFunctionExpression:
      return false;
    case NodeKind::kAssignmentExpression:
    case NodeKind::kUpdateExpression:
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

// An anonymous function or class expression (NamedEvaluation applies).
bool is_anonymous_definition(const Node* n) {
  if (n->kind == NodeKind::kFunctionExpression) {
    auto* f = static_cast<const FunctionNode*>(n);
    return f->id == nullptr;
  }
  if (n->kind == NodeKind::kClassExpression) return static_cast<const ClassNode*>(n)->id == nullptr;
  return false;
}

class FunctionCompiler {
 public:
  FunctionCompiler(Context& ctx, FunctionInfo* info, vm::FunctionTemplate* tmpl)
      : ctx_(ctx), vm_(ctx.vm), info_(info), e_(ctx.vm, tmpl), scope_(info->scope) {}

  void compile_script(const Program& program);
  void compile_function(const FunctionNode* f, const ClassNode* cls);
  void compile_fields(const ClassNode* c, bool is_static);
  void compile_default_constructor(const ClassNode* c);

 private:
  // ---- jump targets ----
  struct Exit {
    int target;  // index into targets_, or -1 for return
    bool is_continue;
    std::uint16_t id;
  };
  struct Target {
    enum Kind { kLoop, kSwitch, kBlock, kFinally };
    Target(Kind k, std::vector<const std::u16string*> l, Label b, Label c, Scope* s)
        : kind(k), labels(std::move(l)), break_label(b), continue_label(c), scope(s) {}
    Kind kind;
    std::vector<const std::u16string*> labels;
    Label break_label;
    Label continue_label;
    Scope* scope;                  // the scope `continue` (and by default `break`) returns to
    Scope* break_scope = nullptr;  // when break must also leave a per-iteration scope
    Reg iter = 0;                  // for-of: the iterator to close when leaving
    bool has_iter = false;
    Reg kind_reg = 0;  // finally: completion kind / value
    Reg value_reg = 0;
    Label finally_label;
    std::vector<Exit> exits;
  };

  // ---- helpers ----
  [[noreturn]] void error(const std::string& msg, const Node* at) {
    throw CompileError{msg, at != nullptr ? at->pos.line : 0, at != nullptr ? at->pos.column : 0};
  }
  void pos(const Node* n) { e_.position(n->pos.line, n->pos.column); }
  std::uint16_t name_const(const std::u16string& s) { return e_.string_constant(s); }
  Reg temp() { return e_.alloc_temp(); }

  void enter_scope(Scope* s);
  void exit_scope(Scope* s);
  int env_hops(Scope* from, Scope* to);
  void pop_envs_to(Scope* target);
  void init_lexical_bindings(Scope* s);
  void hoist_functions(const NodeList& body, Scope* s, bool function_level);

  void load_binding(Binding* b, Reg dst, const Node* at);
  Reg binding_reg_if_direct(Binding* b, const Node* at);
  void store_binding(Binding* b, Reg src, bool init, const Node* at);
  bool needs_tdz_check(Binding* b, const Node* at);
  void load_identifier(const Identifier* id, Reg dst);
  void store_identifier(const Identifier* id, Reg src, bool init);

  // statements
  void stmt(const Node* n);
  void stmts(const NodeList& list);
  void var_decl(const VariableDeclaration* d);
  void if_stmt(const IfStatement* s);
  void for_stmt(const ForStatement* s, std::vector<const std::u16string*> labels);
  void for_in_of(const ForInOfStatement* s, std::vector<const std::u16string*> labels);
  void while_stmt(const WhileStatement* s, std::vector<const std::u16string*> labels);
  void do_while(const WhileStatement* s, std::vector<const std::u16string*> labels);
  void try_stmt(const TryStatement* s);
  void switch_stmt(const SwitchStatement* s, std::vector<const std::u16string*> labels);
  void labeled(const LabeledStatement* s);
  void return_value(const Node* arg, const Node* at);
  // The operands of a binary operator, left then right; the left one is
  // copied out of its local when the right one may reassign that local.
  std::pair<Reg, Reg> operands(const BinaryExpression* b, Reg mark);
  void jump_out(int target, bool is_continue, Reg ret_value, const Node* at);
  int find_target(const Identifier* label, bool is_continue, const Node* at);
  void class_decl(const ClassNode* c, Reg dst);

  // expressions
  void expr(const Node* n, Reg dst);
  Reg expr_any(const Node* n);  // may return a variable's own register
  void cond(const Node* n, Label target, bool jump_if);
  void binary(const BinaryExpression* b, Reg dst);
  void logical(const BinaryExpression* b, Reg dst);
  void assign(const AssignmentExpression* a, Reg dst);
  void update(const UpdateExpression* u, Reg dst);
  void effect(const Node* n);
  bool effect_direct(const Node* n);
  void unary(const UnaryExpression* u, Reg dst);
  void call(const CallExpression* c, Reg dst, Label nil);
  void new_expr(const CallExpression* c, Reg dst);
  void member(const MemberExpression* m, Reg dst, Label nil);
  void chain_element(const Node* n, Reg dst, Label nil);
  void array_literal(const ArrayExpression* a, Reg dst);
  void object_literal(const ObjectExpression* o, Reg dst);
  void template_literal(const TemplateLiteral* t, Reg dst);
  void tagged_template(const TaggedTemplate* t, Reg dst);
  void function_expr(const FunctionNode* f, Reg dst);
  bool args_have_spread(const NodeList& args);
  void args_array(const NodeList& args, Reg arr);
  void property_key(const Node* key, bool computed, Reg dst);
  std::uint16_t callee_name(const Node* callee);
  void load_this(Reg dst, const Node* at);

  // patterns
  void bind_pattern(const Node* p, Reg value, bool init);
  void assign_target(const Node* target, Reg value, bool init);

  vm::FunctionTemplate* compile_nested(const FunctionNode* f, const ClassNode* cls = nullptr);

  Context& ctx_;
  vm::VM& vm_;
  FunctionInfo* info_;
  Emitter e_;
  Scope* scope_;
  std::vector<Target> targets_;
  const std::u16string* pending_label_ = nullptr;
  std::string destructure_source_;  // source text of the value an object pattern reads
  bool derived_ctor_ = false;
  bool has_instance_fields_ = false;
};

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

// ---- functions ----

vm::FunctionTemplate* FunctionCompiler::compile_nested(const FunctionNode* f,
                                                       const ClassNode* cls) {
  FunctionInfo* info = ctx_.scopes.function_of(f);
  vm::FunctionTemplate* t = vm_.new_function_template();
  vm_.persistent_roots().push_back(vm::Value::cell(t));
  FunctionCompiler fc(ctx_, info, t);
  fc.compile_function(f, cls);
  return t;
}

void FunctionCompiler::compile_script(const Program& program) {
  vm::FunctionTemplate* t = e_.tmpl();
  t->flags |= vm::FunctionTemplate::kScript;
  t->file_name = ctx_.file_name;
  t->source = ctx_.source_string;
  Scope* s = info_->scope;
  // The script environment holds the top-level lexical declarations.
  if (s->has_env) {
    e_.emit(Op::kPushEnv, {s->env_size});
    for (Binding* b : s->bindings) {
      e_.emit(Op::kDeclGlobalLex,
              {name_const(b->name), b->slot, static_cast<std::uint16_t>(b->is_const() ? 1 : 0)});
    }
  }
  for (const Identifier* id : info_->global_vars)
    e_.emit(Op::kDeclGlobalVar, {name_const(id->name)});
  hoist_functions(program.body, s, true);
  stmts(program.body);
  e_.emit(Op::kRetUndef);
  e_.finish();
}

void FunctionCompiler::compile_function(const FunctionNode* f, const ClassNode* cls) {
  vm::FunctionTemplate* t = e_.tmpl();
  t->file_name = ctx_.file_name;
  t->source = ctx_.source_string;
  t->source_start = f->source_start;
  t->source_end = f->source_end;
  if (!ctx_.source_ascii) {
    // Convert byte offsets to UTF-16 offsets for Function.prototype.toString.
    auto units = [&](std::uint32_t byte_off) {
      std::uint32_t n = 0;
      for (std::uint32_t i = 0; i < byte_off && i < ctx_.source.size(); ++i) {
        auto c = static_cast<unsigned char>(ctx_.source[i]);
        if ((c & 0xC0) != 0x80) n += c >= 0xF0 ? 2 : 1;
      }
      return n;
    };
    t->source_start = units(f->source_start);
    t->source_end = units(f->source_end);
  }
  std::u16string name = f->id != nullptr ? f->id->name : f->inferred_name;
  if (cls != nullptr) name = cls->id != nullptr ? cls->id->name : cls->inferred_name;
  t->name = vm::Value::string(vm_.atomize(vm_.new_string_utf16(name)));
  switch (f->function_kind) {
    case FunctionKind::kArrow:
      t->flags |= vm::FunctionTemplate::kArrow;
      break;
    case FunctionKind::kMethod:
      t->flags |= vm::FunctionTemplate::kMethod;
      break;
    case FunctionKind::kGetter:
      t->flags |= vm::FunctionTemplate::kGetter;
      break;
    case FunctionKind::kSetter:
      t->flags |= vm::FunctionTemplate::kSetter;
      break;
    case FunctionKind::kClassConstructor:
      t->flags |= vm::FunctionTemplate::kClassConstructor;
      if (f->is_derived_constructor) t->flags |= vm::FunctionTemplate::kDerived;
      break;
    case FunctionKind::kNormal:
      break;
  }
  derived_ctor_ = f->is_derived_constructor;
  if (f->uses_arguments) t->flags |= vm::FunctionTemplate::kUsesArguments;
  // Parameters arrive in registers 1..P (P = params before a rest element).
  std::uint32_t np = 0;
  std::uint32_t length = 0;
  bool counting_length = true;
  for (const Node* p : f->params) {
    if (p->kind == NodeKind::kRestElement) break;
    ++np;
    if (p->kind == NodeKind::kAssignmentPattern) counting_length = false;
    if (counting_length) ++length;
  }
  t->num_params = np;
  t->length = length;
  std::vector<Reg> incoming;
  for (std::uint32_t i = 0; i < np; ++i) incoming.push_back(e_.alloc_local());
  Scope* s = info_->scope;
  scope_ = s;
  if (s->has_env) e_.emit(Op::kPushEnv, {s->env_size});
  // Simple uncaptured parameters keep their incoming register.
  for (std::size_t i = 0; i < np; ++i) {
    const Node* p = f->params[i];
    if (p->kind == NodeKind::kIdentifier) {
      Binding* b = ctx_.scopes.resolved(p);
      if (b != nullptr && !b->in_env) b->reg = incoming[i];
    }
  }
  for (Binding* b : s->bindings) {
    if (b->in_env || b->kind == BindingKind::kThis) continue;
    if (b->kind == BindingKind::kParam && b->reg != 0) continue;
    b->reg = e_.alloc_local();
  }
  init_lexical_bindings(s);
  if (info_->this_binding != nullptr && info_->this_binding->in_env && !derived_ctor_) {
    e_.emit(Op::kStEnv, {0, info_->this_binding->slot, 0});
  }
  if (info_->arguments_binding != nullptr) {
    Reg r = temp();
    e_.emit(Op::kCreateArguments, {r});
    store_binding(info_->arguments_binding, r, true, nullptr);
    e_.free_temps_to(r);
  }
  if (info_->callee_binding != nullptr) {
    Reg r = temp();
    e_.emit(Op::kLoadCallee, {r});
    store_binding(info_->callee_binding, r, true, nullptr);
    e_.free_temps_to(r);
  }
  // var bindings in the environment start as undefined, not holes.
  for (Binding* b : s->bindings) {
    if (b->in_env && (b->kind == BindingKind::kVar || b->kind == BindingKind::kFunction)) {
      Reg r = temp();
      e_.emit(Op::kLoadUndef, {r});
      e_.emit(Op::kStEnv, {0, b->slot, r});
      e_.free_temps_to(r);
    }
  }
  if (f->function_kind == FunctionKind::kClassConstructor && !derived_ctor_ &&
      has_instance_fields_) {
    e_.emit(Op::kInitFields);
  }
  // Parameters: defaults, patterns, rest.
  for (std::size_t i = 0; i < f->params.size(); ++i) {
    const Node* p = f->params[i];
    pos(p);
    if (p->kind == NodeKind::kRestElement) {
      Reg r = temp();
      e_.emit(Op::kCreateRest, {r, static_cast<std::uint16_t>(np)});
      bind_pattern(static_cast<const RestElement*>(p)->argument, r, true);
      e_.free_temps_to(r);
      break;
    }
    Reg in = incoming[i];
    if (p->kind == NodeKind::kIdentifier) {
      Binding* b = ctx_.scopes.resolved(p);
      if (b != nullptr && b->in_env) store_binding(b, in, true, p);
      continue;
    }
    bind_pattern(p, in, true);
  }
  Scope* body_scope = ctx_.scopes.scope_of(f);
  if (body_scope != nullptr) enter_scope(body_scope);
  hoist_functions(f->body, s, true);
  if (f->expression_body != nullptr) {
    Reg r = temp();
    expr(f->expression_body, r);
    e_.emit(Op::kRet, {r});
  } else {
    stmts(f->body);
    e_.emit(Op::kRetUndef);
  }
  e_.finish();
}

void FunctionCompiler::compile_default_constructor(const ClassNode* c) {
  vm::FunctionTemplate* t = e_.tmpl();
  t->file_name = ctx_.file_name;
  t->source = ctx_.source_string;
  t->source_start = c->source_start;
  t->source_end = c->source_end;
  std::u16string name = c->id != nullptr ? c->id->name : c->inferred_name;
  t->name = vm::Value::string(vm_.atomize(vm_.new_string_utf16(name)));
  t->flags |= vm::FunctionTemplate::kClassConstructor;
  e_.position(c->pos.line, c->pos.column);
  if (c->super_class != nullptr) {
    t->flags |= vm::FunctionTemplate::kDerived;
    Reg args = temp();
    Reg r = temp();
    e_.emit(Op::kCreateRest, {args, 0});
    e_.emit(Op::kSuperCallSpread, {r, args});
  } else if (has_instance_fields_) {
    e_.emit(Op::kInitFields);
  }
  e_.emit(Op::kRetUndef);
  e_.finish();
}

void FunctionCompiler::compile_fields(const ClassNode* c, bool is_static) {
  vm::FunctionTemplate* t = e_.tmpl();
  t->file_name = ctx_.file_name;
  t->flags |= vm::FunctionTemplate::kMethod;
  t->name = vm::Value::string(
      vm_.intern(is_static ? "<static_fields_initializer>" : "<instance_fields_initializer>"));
  Scope* s = info_->scope;
  scope_ = s;
  if (s->has_env) e_.emit(Op::kPushEnv, {s->env_size});
  if (info_->this_binding->in_env) e_.emit(Op::kStEnv, {0, info_->this_binding->slot, 0});
  Scope* class_scope = ctx_.scopes.scope_of(c);
  (void)class_scope;
  for (const ClassMember& m : c->members) {
    if (m.kind != ClassMember::Kind::kField || m.is_static != is_static) continue;
    e_.position(m.pos.line, m.pos.column);
    Reg key = temp();
    Reg val = temp();
    if (m.computed) {
      // Computed field keys were evaluated at class definition time and
      // stored on the initializer's home object under a private slot; keep
      // it simple: evaluate again (side-effect-free keys are the norm).
      expr(m.key, key);
      e_.emit(Op::kToPropertyKey, {key, key});
    } else {
      property_key(m.key, false, key);
    }
    if (m.value != nullptr) {
      expr(m.value, val);
    } else {
      e_.emit(Op::kLoadUndef, {val});
    }
    e_.emit(Op::kDefineElem, {0, key, val});
    e_.free_temps_to(key);
  }
  e_.emit(Op::kRetUndef);
  e_.finish();
}

// ---- statements ----

void FunctionCompiler::stmts(const NodeList& list) {
  for (const Node* n : list) stmt(n);
}

void FunctionCompiler::stmt(const Node* n) {
  Reg mark = e_.temp_mark();
  pos(n);
  switch (n->kind) {
    case NodeKind::kExpressionStatement:
      effect(static_cast<const ExpressionStatement*>(n)->expression);
      break;
    case NodeKind::kVariableDeclaration:
      var_decl(static_cast<const VariableDeclaration*>(n));
      break;
    case NodeKind::kFunctionDeclaration:
      break;  // hoisted
    case NodeKind::kClassDeclaration: {
      auto* c = static_cast<const ClassNode*>(n);
      Reg r = temp();
      class_decl(c, r);
      store_binding(ctx_.scopes.resolved(c->id), r, true, c);
      break;
    }
    case NodeKind::kBlockStatement: {
      auto* b = static_cast<const BlockStatement*>(n);
      Scope* s = ctx_.scopes.scope_of(b);
      enter_scope(s);
      hoist_functions(b->body, s, false);
      stmts(b->body);
      exit_scope(s);
      break;
    }
    case NodeKind::kEmptyStatement:
    case NodeKind::kDebuggerStatement:
      break;
    case NodeKind::kIfStatement:
      if_stmt(static_cast<const IfStatement*>(n));
      break;
    case NodeKind::kForStatement:
      for_stmt(static_cast<const ForStatement*>(n), {});
      break;
    case NodeKind::kForInStatement:
    case NodeKind::kForOfStatement:
      for_in_of(static_cast<const ForInOfStatement*>(n), {});
      break;
    case NodeKind::kWhileStatement:
      while_stmt(static_cast<const WhileStatement*>(n), {});
      break;
    case NodeKind::kDoWhileStatement:
      do_while(static_cast<const WhileStatement*>(n), {});
      break;
    case NodeKind::kReturnStatement: {
      auto* r = static_cast<const ReturnStatement*>(n);
#if KITE_OPT_LEAN_BYTECODE
      if (r->argument != nullptr) {
        return_value(r->argument, n);
        break;
      }
#endif
      Reg v = temp();
      if (r->argument != nullptr) {
        expr(r->argument, v);
      } else {
        e_.emit(Op::kLoadUndef, {v});
      }
      jump_out(-1, false, v, n);
      break;
    }
    case NodeKind::kBreakStatement:
    case NodeKind::kContinueStatement: {
      auto* j = static_cast<const JumpStatement*>(n);
      bool is_continue = n->kind == NodeKind::kContinueStatement;
      int t = find_target(j->label, is_continue, n);
      jump_out(t, is_continue, 0, n);
      break;
    }
    case NodeKind::kThrowStatement: {
      Reg v = temp();
      expr(static_cast<const ThrowStatement*>(n)->argument, v);
      pos(n);
      e_.emit(Op::kThrow, {v});
      break;
    }
    case NodeKind::kTryStatement:
      try_stmt(static_cast<const TryStatement*>(n));
      break;
    case NodeKind::kSwitchStatement:
      switch_stmt(static_cast<const SwitchStatement*>(n), {});
      break;
    case NodeKind::kLabeledStatement:
      labeled(static_cast<const LabeledStatement*>(n));
      break;
    default:
      error("unsupported statement", n);
  }
  e_.free_temps_to(mark);
}

void FunctionCompiler::var_decl(const VariableDeclaration* d) {
  for (const auto& decl : d->declarations) {
    Reg mark = e_.temp_mark();
    if (decl.init == nullptr) {
      if (d->decl_kind == DeclKind::kVar) continue;  // `var x;` does nothing
      Reg r = temp();
      e_.emit(Op::kLoadUndef, {r});
      bind_pattern(decl.id, r, true);
    } else if (decl.id->kind == NodeKind::kIdentifier) {
      Binding* b = ctx_.scopes.resolved(decl.id);
      bool init = d->decl_kind != DeclKind::kVar;
      if (b != nullptr && !b->in_env && b->kind != BindingKind::kThis) {
#if KITE_OPT_LEAN_BYTECODE
        if (init && !b->early_ref && !b->in_switch && b->is_lexical()) {
          // The initializer cannot mention the binding (that would be an
          // early reference): evaluate straight into its register.
          expr(decl.init, b->reg);
          e_.free_temps_to(mark);
          continue;
        }
#endif
        Reg r = temp();
        expr(decl.init, r);
        store_binding(b, r, init, decl.id);
      } else {
        Reg r = temp();
        expr(decl.init, r);
        if (b == nullptr) {
          store_identifier(static_cast<const Identifier*>(decl.id), r, init);
        } else {
          store_binding(b, r, init, decl.id);
        }
      }
    } else {
      Reg r = temp();
      expr(decl.init, r);
      if (decl.init->end > decl.init->pos.offset && decl.init->end - decl.init->pos.offset <= 80) {
        destructure_source_ = std::string(
            ctx_.source.substr(decl.init->pos.offset, decl.init->end - decl.init->pos.offset));
      }
      bind_pattern(decl.id, r, d->decl_kind != DeclKind::kVar);
    }
    e_.free_temps_to(mark);
  }
}

void FunctionCompiler::if_stmt(const IfStatement* s) {
  Label else_label = e_.new_label();
  Label end = e_.new_label();
  cond(s->test, else_label, false);
  stmt(s->consequent);
  if (s->alternate != nullptr) {
    e_.emit_jump(Op::kJmp, {}, end);
    e_.bind(else_label);
    stmt(s->alternate);
  } else {
    e_.bind(else_label);
  }
  e_.bind(end);
}

int FunctionCompiler::find_target(const Identifier* label, bool is_continue, const Node* at) {
  for (int i = static_cast<int>(targets_.size()) - 1; i >= 0; --i) {
    const Target& t = targets_[static_cast<std::size_t>(i)];
    if (t.kind == Target::kFinally) continue;
    if (label == nullptr) {
      if (t.kind == Target::kLoop) return i;
      if (!is_continue && t.kind == Target::kSwitch) return i;
      continue;
    }
    for (const std::u16string* l : t.labels) {
      if (*l == label->name) {
        if (is_continue && t.kind != Target::kLoop) error("Illegal continue statement", at);
        return i;
      }
    }
  }
  error(is_continue ? "Illegal continue statement" : "Illegal break statement", at);
}

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

// `return e` (KITE_OPT_LEAN_BYTECODE): a conditional splits into two
// returns, and a register local is returned from its own register (jump_out
// copies it before any finally block runs, so later writes cannot leak in).
void FunctionCompiler::return_value(const Node* arg, const Node* at) {
  Reg mark = e_.temp_mark();
  if (arg->kind == NodeKind::kConditionalExpression) {
    auto* c = static_cast<const ConditionalExpression*>(arg);
    Label alt = e_.new_label();
    cond(c->test, alt, false);
    return_value(c->consequent, at);
    e_.bind(alt);
    return_value(c->alternate, at);
    return;
  }
  Reg v = expr_any(arg);
  jump_out(-1, false, v, at);
  e_.free_temps_to(mark);
}

// Leaves to targets_[target] (break/continue) or returns (target == -1),
// running finally blocks and closing for-of iterators on the way.
void FunctionCompiler::jump_out(int target, bool is_continue, Reg ret_value, const Node* at) {
  int stop = target < 0 ? -1 : target;
  for (int i = static_cast<int>(targets_.size()) - 1; i > stop; --i) {
    Target& t = targets_[static_cast<std::size_t>(i)];
    if (t.kind == Target::kFinally) {
      pop_envs_to(t.scope);
      auto id = static_cast<std::uint16_t>(t.exits.size() + 2);
      t.exits.push_back(Exit{target, is_continue, id});
      if (target < 0) e_.emit(Op::kMov, {t.value_reg, ret_value});
      e_.emit(Op::kLoadI, {t.kind_reg, id});
      e_.emit_jump(Op::kJmp, {}, t.finally_label);
      return;
    }
    if (t.has_iter) e_.emit(Op::kIterClose, {t.iter});
  }
  if (target < 0) {
    e_.emit(Op::kRet, {ret_value});
    return;
  }
  Target& t = targets_[static_cast<std::size_t>(target)];
  if (!is_continue && t.has_iter) e_.emit(Op::kIterClose, {t.iter});
  pop_envs_to(!is_continue && t.break_scope != nullptr ? t.break_scope : t.scope);
  e_.emit_jump(Op::kJmp, {}, is_continue ? t.continue_label : t.break_label);
  (void)at;
}

void FunctionCompiler::labeled(const LabeledStatement* s) {
  std::vector<const std::u16string*> labels{&s->label->name};
  const Node* body = s->body;
  while (body->kind == NodeKind::kLabeledStatement) {
    labels.push_back(&static_cast<const LabeledStatement*>(body)->label->name);
    body = static_cast<const LabeledStatement*>(body)->body;
  }
  switch (body->kind) {
    case NodeKind::kForStatement:
      for_stmt(static_cast<const ForStatement*>(body), labels);
      return;
    case NodeKind::kForInStatement:
    case NodeKind::kForOfStatement:
      for_in_of(static_cast<const ForInOfStatement*>(body), labels);
      return;
    case NodeKind::kWhileStatement:
      while_stmt(static_cast<const WhileStatement*>(body), labels);
      return;
    case NodeKind::kDoWhileStatement:
      do_while(static_cast<const WhileStatement*>(body), labels);
      return;
    case NodeKind::kSwitchStatement:
      switch_stmt(static_cast<const SwitchStatement*>(body), labels);
      return;
    default: {
      Target t{Target::kBlock, labels, e_.new_label(), Label{}, scope_};
      targets_.push_back(t);
      stmt(body);
      e_.bind(targets_.back().break_label);
      targets_.pop_back();
    }
  }
}

void FunctionCompiler::while_stmt(const WhileStatement* s,
                                  std::vector<const std::u16string*> labels) {
  Label top = e_.new_label();
  Label end = e_.new_label();
#if KITE_OPT_LEAN_BYTECODE
  // Bottom-tested: the test is compiled twice, once to enter and once as the
  // back-edge, so an iteration runs one branch instead of a branch and a Jmp.
  Label body = e_.new_label();
  cond(s->test, end, false);
  e_.bind(body);
  targets_.push_back(Target{Target::kLoop, labels, end, top, scope_});
  stmt(s->body);
  targets_.pop_back();
  e_.bind(top);
  cond(s->test, body, true);
#else
  e_.bind(top);
  cond(s->test, end, false);
  targets_.push_back(Target{Target::kLoop, labels, end, top, scope_});
  stmt(s->body);
  targets_.pop_back();
  e_.emit_jump(Op::kJmp, {}, top);
#endif
  e_.bind(end);
}

void FunctionCompiler::do_while(const WhileStatement* s,
                                std::vector<const std::u16string*> labels) {
  Label top = e_.new_label();
  Label cont = e_.new_label();
  Label end = e_.new_label();
  e_.bind(top);
  targets_.push_back(Target{Target::kLoop, labels, end, cont, scope_});
  stmt(s->body);
  targets_.pop_back();
  e_.bind(cont);
#if KITE_OPT_LEAN_BYTECODE
  cond(s->test, top, true);
#else
  Label exit = e_.new_label();
  cond(s->test, exit, false);
  e_.emit_jump(Op::kJmp, {}, top);
  e_.bind(exit);
#endif
  e_.bind(end);
}

void FunctionCompiler::for_stmt(const ForStatement* s, std::vector<const std::u16string*> labels) {
  Scope* ls = ctx_.scopes.scope_of(s);
  Reg mark = e_.temp_mark();
  enter_scope(ls);
  if (s->init != nullptr) {
    if (s->init->kind == NodeKind::kVariableDeclaration) {
      var_decl(static_cast<const VariableDeclaration*>(s->init));
    } else {
      Reg r = temp();
      expr(s->init, r);
      e_.free_temps_to(r);
    }
  }
  Label top = e_.new_label();
  Label cont = e_.new_label();
  Label end = e_.new_label();
  Label exit = e_.new_label();
#if KITE_OPT_LEAN_BYTECODE
  // Bottom-tested as in while_stmt.
  if (s->test != nullptr) cond(s->test, exit, false);
  e_.bind(top);
#else
  e_.bind(top);
  if (s->test != nullptr) cond(s->test, exit, false);
#endif
  targets_.push_back(Target{Target::kLoop, labels, end, cont, ls});
  stmt(s->body);
  targets_.pop_back();
  e_.bind(cont);
  // Each iteration gets its own copy of captured loop variables.
  if (ls->has_env) e_.emit(Op::kCopyEnv);
  if (s->update != nullptr) effect(s->update);
#if KITE_OPT_LEAN_BYTECODE
  if (s->test != nullptr) {
    cond(s->test, top, true);
  } else {
    e_.emit_jump(Op::kJmp, {}, top);
  }
#else
  e_.emit_jump(Op::kJmp, {}, top);
#endif
  e_.bind(exit);
  e_.bind(end);
  exit_scope(ls);
  e_.free_temps_to(mark);
}

void FunctionCompiler::for_in_of(const ForInOfStatement* s,
                                 std::vector<const std::u16string*> labels) {
  bool of = s->kind == NodeKind::kForOfStatement;
  Scope* ls = ctx_.scopes.scope_of(s);
  Reg mark = e_.temp_mark();
  Reg iter = e_.alloc_local();
  Reg value = e_.alloc_local();
  // The right-hand side is evaluated with the loop bindings in TDZ.
  bool lexical = s->left->kind == NodeKind::kVariableDeclaration &&
                 static_cast<const VariableDeclaration*>(s->left)->decl_kind != DeclKind::kVar;
  if (lexical) enter_scope(ls);
  {
    Reg r = temp();
    expr(s->right, r);
    pos(s->right);
    e_.emit(of ? Op::kGetIter : Op::kForInPrepare, {iter, r});
    if (of) e_.record_call_name(callee_name(s->right));
    e_.free_temps_to(r);
  }
  if (lexical) exit_scope(ls);
  Label top = e_.new_label();
  Label done = e_.new_label();
  Label cont = e_.new_label();
  Label end = e_.new_label();
  e_.bind(top);
  e_.emit_jump(of ? Op::kIterNext : Op::kForInNext, {value, iter}, done);
  enter_scope(ls);
  Reg saved_env = 0;
  std::uint32_t body_start = e_.pc();
  if (of) {
    saved_env = e_.alloc_local();
    e_.emit(Op::kGetEnv, {saved_env});
    body_start = e_.pc();
  }
  if (s->left->kind == NodeKind::kVariableDeclaration) {
    auto* d = static_cast<const VariableDeclaration*>(s->left);
    bind_pattern(d->declarations[0].id, value, d->decl_kind != DeclKind::kVar);
  } else {
    assign_target(s->left, value, false);
  }
  Target t{Target::kLoop, labels, end, cont, ls};
  t.break_scope = ls->parent;
  if (of) {
    t.iter = iter;
    t.has_iter = true;
  }
  targets_.push_back(t);
  stmt(s->body);
  targets_.pop_back();
  std::uint32_t body_end = e_.pc();
  e_.bind(cont);
  exit_scope(ls);
  e_.emit_jump(Op::kJmp, {}, top);
  if (of) {
    // An exception in the body closes the iterator, then propagates.
    Label handler = e_.new_label();
    Reg exc = e_.alloc_local();
    e_.add_handler(body_start, body_end, handler, exc);
    e_.bind(handler);
    e_.emit(Op::kSetEnv, {saved_env});
    e_.emit(Op::kIterClose, {iter});
    e_.emit(Op::kThrow, {exc});
  }
  e_.bind(done);
  e_.bind(end);
  e_.free_temps_to(mark);
}

void FunctionCompiler::switch_stmt(const SwitchStatement* s,
                                   std::vector<const std::u16string*> labels) {
  Reg mark = e_.temp_mark();
  Reg d = e_.alloc_local();
  expr(s->discriminant, d);
  Scope* ss = ctx_.scopes.scope_of(s);
  enter_scope(ss);
  for (const auto& c : s->cases) hoist_functions(c.consequent, ss, false);
  std::vector<Label> case_labels;
  Label default_label;
  Label end = e_.new_label();
  for (const auto& c : s->cases) {
    Label l = e_.new_label();
    case_labels.push_back(l);
    if (c.test == nullptr) {
      default_label = l;
      continue;
    }
    Reg t = temp();
    expr(c.test, t);
    e_.emit_jump(Op::kJStrictEq, {d, t}, l);
    e_.free_temps_to(t);
  }
  Label after = e_.new_label();
  e_.emit_jump(Op::kJmp, {}, default_label.valid() ? default_label : after);
  targets_.push_back(Target{Target::kSwitch, labels, end, Label{}, ss});
  for (std::size_t i = 0; i < s->cases.size(); ++i) {
    e_.bind(case_labels[i]);
    stmts(s->cases[i].consequent);
  }
  targets_.pop_back();
  e_.bind(after);
  e_.bind(end);
  exit_scope(ss);
  e_.free_temps_to(mark);
}

void FunctionCompiler::try_stmt(const TryStatement* s) {
  Reg mark = e_.temp_mark();
  Reg saved_env = e_.alloc_local();
  e_.emit(Op::kGetEnv, {saved_env});
  bool has_finally = s->finalizer != nullptr;
  Reg kind_reg = 0, value_reg = 0;
  Label finally_label = e_.new_label();
  if (has_finally) {
    kind_reg = e_.alloc_local();
    value_reg = e_.alloc_local();
    Target t{Target::kFinally, {}, Label{}, Label{}, scope_};
    t.kind_reg = kind_reg;
    t.value_reg = value_reg;
    t.finally_label = finally_label;
    targets_.push_back(t);
  }
  std::uint32_t try_start = e_.pc();
  stmt(s->block);
  std::uint32_t try_end = e_.pc();
  Label after_catch = e_.new_label();
  e_.emit_jump(Op::kJmp, {}, after_catch);
  if (s->handler != nullptr) {
    Label handler = e_.new_label();
    Reg exc = e_.alloc_local();
    e_.add_handler(try_start, try_end, handler, exc);
    e_.bind(handler);
    e_.emit(Op::kSetEnv, {saved_env});
    std::uint32_t catch_start = e_.pc();
    Scope* cs = ctx_.scopes.scope_of(s);
    enter_scope(cs);
    if (s->param != nullptr) bind_pattern(s->param, exc, true);
    Scope* bs = ctx_.scopes.scope_of(s->handler);
    enter_scope(bs);
    hoist_functions(s->handler->body, bs, false);
    stmts(s->handler->body);
    exit_scope(bs);
    exit_scope(cs);
    std::uint32_t catch_end = e_.pc();
    if (has_finally) {
      // An exception in the catch block still runs the finally block.
      e_.emit_jump(Op::kJmp, {}, after_catch);
      Label catch_handler = e_.new_label();
      e_.add_handler(catch_start, catch_end, catch_handler, value_reg);
      e_.bind(catch_handler);
      e_.emit(Op::kSetEnv, {saved_env});
      e_.emit(Op::kLoadI, {kind_reg, 1});
      e_.emit_jump(Op::kJmp, {}, finally_label);
    }
  } else if (has_finally) {
    Label handler = e_.new_label();
    e_.add_handler(try_start, try_end, handler, value_reg);
    e_.bind(handler);
    e_.emit(Op::kSetEnv, {saved_env});
    e_.emit(Op::kLoadI, {kind_reg, 1});
    e_.emit_jump(Op::kJmp, {}, finally_label);
  }
  e_.bind(after_catch);
  if (!has_finally) {
    e_.free_temps_to(mark);
    return;
  }
  Target fin = targets_.back();
  targets_.pop_back();
  e_.emit(Op::kLoadI, {kind_reg, 0});
  e_.bind(finally_label);
  stmt(s->finalizer);
  // Dispatch on how the protected region was left.
  Label done = e_.new_label();
  Reg k = temp();
  e_.emit(Op::kLoadI, {k, 0});
  e_.emit_jump(Op::kJStrictEq, {kind_reg, k}, done);
  Label not_throw = e_.new_label();
  e_.emit(Op::kLoadI, {k, 1});
  e_.emit_jump(Op::kJStrictNe, {kind_reg, k}, not_throw);
  e_.emit(Op::kThrow, {value_reg});
  e_.bind(not_throw);
  for (const Exit& x : fin.exits) {
    Label next = e_.new_label();
    e_.emit(Op::kLoadI, {k, x.id});
    e_.emit_jump(Op::kJStrictNe, {kind_reg, k}, next);
    jump_out(x.target, x.is_continue, value_reg, s);
    e_.bind(next);
  }
  e_.bind(done);
  e_.free_temps_to(mark);
}

// ---- classes ----

void FunctionCompiler::class_decl(const ClassNode* c, Reg dst) {
  Reg mark = e_.temp_mark();
  pos(c);
  Reg super_reg = temp();
  if (c->super_class != nullptr) {
    expr(c->super_class, super_reg);
  } else {
    e_.emit(Op::kLoadHole, {super_reg});
  }
  Scope* cs = ctx_.scopes.scope_of(c);
  enter_scope(cs);
  bool has_instance_fields = false;
  bool has_static_fields = false;
  for (const ClassMember& m : c->members) {
    if (m.kind != ClassMember::Kind::kField) continue;
    (m.is_static ? has_static_fields : has_instance_fields) = true;
  }
  // The constructor.
  vm::FunctionTemplate* ctor_t = vm_.new_function_template();
  vm_.persistent_roots().push_back(vm::Value::cell(ctor_t));
  if (c->constructor != nullptr) {
    FunctionCompiler fc(ctx_, ctx_.scopes.function_of(c->constructor), ctor_t);
    fc.has_instance_fields_ = has_instance_fields;
    fc.compile_function(c->constructor, c);
  } else {
    FunctionCompiler fc(ctx_, info_, ctor_t);
    fc.scope_ = scope_;
    fc.has_instance_fields_ = has_instance_fields;
    fc.compile_default_constructor(c);
  }
  if (has_instance_fields) ctor_t->flags |= vm::FunctionTemplate::kHasFields;
  Reg ctor = temp();
  Reg proto = temp();
  e_.emit(Op::kNewClass, {ctor, proto, super_reg, e_.constant(vm::Value::cell(ctor_t))});
  if (c->id != nullptr) {
    Binding* inner = cs->find(c->id->name);
    if (inner != nullptr) store_binding(inner, ctor, true, c);
  }
  for (const ClassMember& m : c->members) {
    if (m.kind == ClassMember::Kind::kField) continue;
    Reg key = temp();
    Reg fn = temp();
    property_key(m.key, m.computed, key);
    vm::FunctionTemplate* t = compile_nested(m.function);
    e_.emit(Op::kNewClosure, {fn, e_.constant(vm::Value::cell(t))});
    if (m.computed && m.kind == ClassMember::Kind::kMethod)
      e_.emit(Op::kSetFunctionName, {fn, key});
    Reg target = m.is_static ? ctor : proto;
    e_.emit(Op::kSetHome, {fn, target});
    switch (m.kind) {
      case ClassMember::Kind::kGetter:
        e_.emit(Op::kDefineGetter, {target, key, fn, 0});
        break;
      case ClassMember::Kind::kSetter:
        e_.emit(Op::kDefineSetter, {target, key, fn, 0});
        break;
      default:
        e_.emit(Op::kDefineMethod, {target, key, fn});
    }
    e_.free_temps_to(key);
  }
  for (int is_static = 0; is_static < 2; ++is_static) {
    if (!(is_static != 0 ? has_static_fields : has_instance_fields)) continue;
    FunctionInfo* fi = ctx_.scopes.function_of(ScopeTree::fields_key(c, is_static != 0));
    vm::FunctionTemplate* t = vm_.new_function_template();
    vm_.persistent_roots().push_back(vm::Value::cell(t));
    FunctionCompiler fc(ctx_, fi, t);
    fc.compile_fields(c, is_static != 0);
    Reg fn = temp();
    e_.emit(Op::kNewClosure, {fn, e_.constant(vm::Value::cell(t))});
    e_.emit(Op::kSetHome, {fn, is_static != 0 ? ctor : proto});
    if (is_static != 0) {
      Reg r = temp();
      e_.emit(Op::kCall, {r, fn, ctor, r, 0});
    } else {
      e_.emit(Op::kSetFields, {ctor, fn});
    }
    e_.free_temps_to(fn);
  }
  e_.emit(Op::kMov, {dst, ctor});
  exit_scope(cs);
  e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
}

// ---- expressions ----

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
    // is the global object.
    e_.emit(Op::kLoadGlobalThis, {dst});
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
  pos(m);
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
    e_.emit(Op::kGetElem, {dst, obj, key});
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
        e_.emit(Op::kGetElem, {fn, self, key});
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
  if (args_have_spread(c->arguments)) {
    Reg arr = temp();
    args_array(c->arguments, arr);
    pos(c);
    if (undefined_this) e_.emit(Op::kLoadUndef, {self});
    e_.emit(Op::kCallSpread, {dst, fn, self, arr});
    e_.record_call_name(name);
  } else {
    auto argc = static_cast<std::uint16_t>(c->arguments.size());
    Reg first = e_.alloc_temps(argc);
    for (std::uint16_t i = 0; i < argc; ++i) expr(c->arguments[i], static_cast<Reg>(first + i));
    pos(c);
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
      e_.emit(Op::kGetElem, {fn, self, k});
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

void FunctionCompiler::binary(const BinaryExpression* b, Reg dst) {
  Reg mark = e_.temp_mark();
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
        e_.emit(Op::kSetElem, {obj, key, dst});
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
        e_.emit(Op::kToPropertyKey, {key, key});
        e_.emit(Op::kGetElem, {cur, obj, key});
        combine(cur, [&](Reg v) { e_.emit(Op::kSetElem, {obj, key, v}); });
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
      e_.emit(Op::kSetElem, {obj, key, v});
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
      e_.emit(Op::kToPropertyKey, {key, key});
      e_.emit(Op::kGetElem, {cur, obj, key});
      e_.emit(Op::kToNumeric, {cur, cur});
      e_.emit(op, {next, cur});
      e_.emit(Op::kSetElem, {obj, key, next});
    }
  }
  e_.emit(Op::kMov, {dst, u->prefix ? next : cur});
  e_.free_temps_to(mark > dst ? mark : static_cast<Reg>(dst + 1));
}

// ---- patterns ----

// Binds (init) or assigns the value in `value` to the pattern.
void FunctionCompiler::bind_pattern(const Node* p, Reg value, bool init) {
  Reg mark = e_.temp_mark();
  switch (p->kind) {
    case NodeKind::kIdentifier:
      store_identifier(static_cast<const Identifier*>(p), value, init);
      break;
    case NodeKind::kMemberExpression:
      assign_target(p, value, init);
      break;
    case NodeKind::kAssignmentPattern: {
      auto* a = static_cast<const AssignmentPattern*>(p);
      Reg v = temp();
      e_.emit(Op::kMov, {v, value});
      Label skip = e_.new_label();
      Label done = e_.new_label();
      e_.emit_jump(Op::kJmpUndef, {v}, skip);
      e_.emit_jump(Op::kJmp, {}, done);
      e_.bind(skip);
      expr(a->value, v);
      e_.bind(done);
      bind_pattern(a->target, v, init);
      break;
    }
    case NodeKind::kArrayPattern: {
      auto* a = static_cast<const ArrayPattern*>(p);
      Reg iter = temp();
      pos(p);
      e_.emit(Op::kGetIter, {iter, value});
      if (!destructure_source_.empty()) {
        e_.record_call_name(
            e_.constant(vm::Value::string(vm_.atomize(vm_.new_string_utf8(destructure_source_)))));
        destructure_source_.clear();
      }
      Reg done_flag = temp();
      e_.emit(Op::kLoadFalse, {done_flag});
      Reg v = temp();
      for (const Node* el : a->elements) {
        if (el != nullptr && el->kind == NodeKind::kRestElement) {
          Reg arr = temp();
          e_.emit(Op::kNewArray, {arr, 0});
          Label top = e_.new_label();
          Label end = e_.new_label();
          e_.emit_jump(Op::kJmpTrue, {done_flag}, end);
          e_.bind(top);
          e_.emit_jump(Op::kIterNext, {v, iter}, end);
          e_.emit(Op::kArrayPush, {arr, v});
          e_.emit_jump(Op::kJmp, {}, top);
          e_.bind(end);
          e_.emit(Op::kLoadTrue, {done_flag});
          bind_pattern(static_cast<const RestElement*>(el)->argument, arr, init);
          break;
        }
        // Step the iterator (once it is done, every element is undefined).
        Label exhausted = e_.new_label();
        Label got = e_.new_label();
        e_.emit(Op::kLoadUndef, {v});
        e_.emit_jump(Op::kJmpTrue, {done_flag}, got);
        e_.emit_jump(Op::kIterNext, {v, iter}, exhausted);
        e_.emit_jump(Op::kJmp, {}, got);
        e_.bind(exhausted);
        e_.emit(Op::kLoadTrue, {done_flag});
        e_.emit(Op::kLoadUndef, {v});
        e_.bind(got);
        if (el != nullptr) bind_pattern(el, v, init);
      }
      // Close the iterator if it was not exhausted.
      Label closed = e_.new_label();
      e_.emit_jump(Op::kJmpTrue, {done_flag}, closed);
      e_.emit(Op::kIterClose, {iter});
      e_.bind(closed);
      break;
    }
    case NodeKind::kObjectPattern: {
      auto* o = static_cast<const ObjectPattern*>(p);
      pos(p);
      // RequireObjectCoercible, with V8's message naming the source.
      Label ok = e_.new_label();
      e_.emit_jump(Op::kJmpNotNullish, {value}, ok);
      {
        std::string what;
        const Property* first = o->properties.empty() ? nullptr : &o->properties[0];
        if (first != nullptr && first->spread == nullptr && !first->computed &&
            first->key->kind == NodeKind::kIdentifier) {
          what = "property '" +
                 util::utf16_to_utf8(static_cast<const Identifier*>(first->key)->name) + "' of ";
        }
        std::string src =
            destructure_source_.empty() ? std::string("(intermediate value)") : destructure_source_;
        Label is_null = e_.new_label();
        Reg t = temp();
        e_.emit(Op::kLoadNull, {t});
        e_.emit_jump(Op::kJStrictEq, {value, t}, is_null);
        e_.emit(Op::kThrowTypeError, {e_.ascii_constant("Cannot destructure " + what + "'" + src +
                                                        "' as it is undefined.")});
        e_.bind(is_null);
        e_.emit(Op::kThrowTypeError,
                {e_.ascii_constant("Cannot destructure " + what + "'" + src + "' as it is null.")});
        e_.free_temps_to(t);
      }
      e_.bind(ok);
      destructure_source_.clear();
      std::vector<Reg> keys;
      bool has_rest = false;
      for (const Property& prop : o->properties) has_rest |= prop.spread != nullptr;
      Reg key_base = 0;
      std::uint16_t nkeys = 0;
      if (has_rest) {
        nkeys = static_cast<std::uint16_t>(o->properties.size() - 1);
        key_base = e_.alloc_temps(nkeys);
      }
      std::uint16_t ki = 0;
      for (const Property& prop : o->properties) {
        Reg pmark = e_.temp_mark();
        if (prop.spread != nullptr) {
          Reg rest = temp();
          e_.emit(Op::kCopyPropsExcept, {rest, value, key_base, nkeys});
          bind_pattern(prop.spread, rest, init);
          e_.free_temps_to(pmark);
          continue;
        }
        Reg v = temp();
        if (!prop.computed && prop.key->kind == NodeKind::kIdentifier && !has_rest) {
          e_.emit(
              Op::kGetProp,
              {v, value, name_const(static_cast<const Identifier*>(prop.key)->name), e_.new_ic()});
        } else {
          Reg key = has_rest ? static_cast<Reg>(key_base + ki++) : temp();
          property_key(prop.key, prop.computed, key);
          e_.emit(Op::kGetElem, {v, value, key});
        }
        bind_pattern(prop.value, v, init);
        e_.free_temps_to(pmark);
      }
      break;
    }
    default:
      error("Invalid destructuring target", p);
  }
  e_.free_temps_to(mark);
}

void FunctionCompiler::assign_target(const Node* target, Reg value, bool init) {
  if (target->kind == NodeKind::kMemberExpression) {
    Reg mark = e_.temp_mark();
    auto* m = static_cast<const MemberExpression*>(target);
    if (m->object->kind == NodeKind::kSuper) {
      Reg key = temp();
      property_key(m->property, m->computed, key);
      e_.emit(Op::kSetSuper, {key, value});
    } else {
      Reg obj = temp();
      expr(m->object, obj);
      pos(m);
      if (!m->computed) {
        e_.emit(Op::kSetProp, {obj, name_const(static_cast<const Identifier*>(m->property)->name),
                               value, e_.new_ic()});
      } else {
        Reg key = temp();
        expr(m->property, key);
        e_.emit(Op::kSetElem, {obj, key, value});
      }
    }
    e_.free_temps_to(mark);
    return;
  }
  if (target->kind == NodeKind::kVariableDeclaration) {
    auto* d = static_cast<const VariableDeclaration*>(target);
    bind_pattern(d->declarations[0].id, value, d->decl_kind != DeclKind::kVar);
    return;
  }
  bind_pattern(target, value, init);
}

}  // namespace

vm::FunctionTemplate* compile(vm::VM& vm, const Program& program, std::string_view source,
                              std::string_view filename) {
  ScopeTree scopes;
  scopes.analyze(program);
  std::size_t roots_mark = vm.persistent_roots().size();
  vm::Value file = vm::Value::string(vm.new_string_utf8(filename));
  vm.persistent_roots().push_back(file);
  bool ascii = true;
  for (char c : source) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  vm::Value src = vm::Value::string(vm.new_string_utf8(source));
  vm.persistent_roots().push_back(src);
  Context ctx{vm, scopes, source, file, src, ascii, roots_mark};
  vm::FunctionTemplate* t = vm.new_function_template();
  vm.persistent_roots().push_back(vm::Value::cell(t));
  try {
    FunctionCompiler fc(ctx, scopes.script(), t);
    fc.compile_script(program);
  } catch (...) {
    vm.persistent_roots().resize(roots_mark);
    throw;
  }
  vm.persistent_roots().resize(roots_mark);
  return t;
}

}  // namespace kite::compiler
