// Code generation for statements: declarations, control flow, loops,
// labels and jumps (break, continue and return through finally blocks),
// switch and try.
#include "compiler/function_compiler.h"

#include <kite/perf_flags.h>

#include <utility>

namespace kite::compiler {

using namespace kite::parser;
using vm::Op;  // bytecode opcodes; AST operators are parser::Op

void FunctionCompiler::stmts(const NodeList& list) {
  for (const Node* n : list) stmt(n);
}

void FunctionCompiler::stmt(const Node* n) {
  Reg mark = e_.temp_mark();
  pos(n);
  if (completion_ != 0xFFFF) {
    // Eval code's completion value: these statements complete with
    // undefined unless their body produces a value (UpdateEmpty).
    switch (n->kind) {
      case NodeKind::kIfStatement:
      case NodeKind::kForStatement:
      case NodeKind::kForInStatement:
      case NodeKind::kForOfStatement:
      case NodeKind::kWhileStatement:
      case NodeKind::kDoWhileStatement:
      case NodeKind::kSwitchStatement:
      case NodeKind::kTryStatement:
        e_.emit(Op::kLoadUndef, {completion_});
        break;
      default:
        break;
    }
  }
  switch (n->kind) {
    case NodeKind::kExpressionStatement:
      if (completion_ != 0xFFFF) {
        expr(static_cast<const ExpressionStatement*>(n)->expression, completion_);
      } else {
        effect(static_cast<const ExpressionStatement*>(n)->expression);
      }
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
        if (is_async_gen_) await_in_place(v);  // an async generator awaits what it returns
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
  if (is_async_gen_) {
    // An async generator awaits what it returns (ReturnStatement step 3).
    Reg t = temp();
    e_.emit(Op::kMov, {t, v});
    await_in_place(t);
    v = t;
  }
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
    if (t.has_iter) close_iterator(t);
  }
  if (target < 0) {
    emit_return(ret_value);
    return;
  }
  Target& t = targets_[static_cast<std::size_t>(target)];
  if (!is_continue && t.has_iter) close_iterator(t);
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
  targets_.push_back(Target{Target::kLoop, std::move(labels), end, top, scope_});
  stmt(s->body);
  targets_.pop_back();
  e_.bind(top);
  cond(s->test, body, true);
#else
  e_.bind(top);
  cond(s->test, end, false);
  targets_.push_back(Target{Target::kLoop, std::move(labels), end, top, scope_});
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
  targets_.push_back(Target{Target::kLoop, std::move(labels), end, cont, scope_});
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
  targets_.push_back(Target{Target::kLoop, std::move(labels), end, cont, ls});
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
    e_.emit(s->is_await ? Op::kGetAsyncIter : of ? Op::kGetIter : Op::kForInPrepare, {iter, r});
    if (of) e_.record_call_name(callee_name(s->right));
    e_.free_temps_to(r);
  }
  if (lexical) exit_scope(ls);
  Label top = e_.new_label();
  Label done = e_.new_label();
  Label cont = e_.new_label();
  Label end = e_.new_label();
  e_.bind(top);
  if (s->is_await) {
    // for await (14.7.5.7 ForIn/OfBodyEvaluation step 6): await next()'s
    // result, then check it and take done and value.
    pos(s->right);
    e_.emit(Op::kAsyncIterNext, {value, iter});
    await_in_place(value);
    e_.emit_jump(Op::kIterResult, {value, value}, done);
  } else {
    e_.emit_jump(of ? Op::kIterNext : Op::kForInNext, {value, iter}, done);
  }
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
  Target t{Target::kLoop, std::move(labels), end, cont, ls};
  t.break_scope = ls->parent;
  if (of) {
    t.iter = iter;
    t.has_iter = true;
    t.async_iter = s->is_await;
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
    if (s->is_await) {
      // AsyncIteratorClose with a throw completion: return() is called and
      // awaited, and whatever it does, the body's exception is thrown.
      Label rethrow = e_.new_label();
      Reg closed = e_.alloc_local();
      std::uint32_t close_start = e_.pc();
      e_.emit_jump(Op::kAsyncIterClose, {closed, iter}, rethrow);
      Reg mode = temp();
      e_.emit(Op::kAwait, {gen_reg_, closed, mode, closed});
      e_.free_temps_to(mode);
      e_.add_handler(close_start, e_.pc(), rethrow, closed);
      e_.bind(rethrow);
    } else {
      // IteratorClose with a throw completion: whatever return() does, the
      // body's exception is thrown.
      Label rethrow = e_.new_label();
      Reg ignored = e_.alloc_local();
      std::uint32_t close_start = e_.pc();
      e_.emit(Op::kIterClose, {iter});
      e_.add_handler(close_start, e_.pc(), rethrow, ignored);
      e_.bind(rethrow);
    }
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
  targets_.push_back(Target{Target::kSwitch, std::move(labels), end, Label{}, ss});
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
  {
    // A finally block's own value never becomes the completion value.
    Reg saved = completion_;
    completion_ = 0xFFFF;
    stmt(s->finalizer);
    completion_ = saved;
  }
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

}  // namespace kite::compiler
