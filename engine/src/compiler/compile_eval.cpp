// Code generation for eval code (ECMA-262 19.2.1.1 PerformEval, strict:
// its var and function declarations stay its own): a function with no
// parameters that returns the code's completion value. A direct eval runs
// it as a closure over the caller's environment; the caller's bindings are
// scopes of their own here (ScopeTree::analyze_eval), so reading one is the
// LdEnv a closure would use.
#include "compiler/function_compiler.h"

namespace kite::compiler {

using namespace kite::parser;
using vm::Op;  // bytecode opcodes; AST operators are parser::Op

std::uint16_t FunctionCompiler::eval_scope() {
  vm::EvalScope es;
  std::uint16_t level = 0;
  bool has_this = false;
  for (Scope* x = scope_; x != nullptr; x = x->parent) {
    if (!x->has_env) continue;
    for (Binding* b : x->bindings) {
      if (!b->in_env) continue;
      es.bindings.push_back({b->name, level, b->slot, static_cast<std::uint8_t>(b->kind)});
      has_this |= b->kind == BindingKind::kThis;
    }
    ++level;
  }
  es.levels = level;
  for (FunctionInfo* fi = info_; fi != nullptr; fi = fi->parent) {
    if (fi->is_field_initializer) es.no_arguments = true;
    if (!fi->is_arrow) break;
  }
  es.this_undefined = !has_this && (ctx_.module != nullptr || ctx_.this_undefined);
  vm::FunctionTemplate* t = e_.tmpl();
  t->eval_scopes.push_back(std::move(es));
  return static_cast<std::uint16_t>(t->eval_scopes.size() - 1);
}

void FunctionCompiler::compile_eval_body(const Program& program) {
  vm::FunctionTemplate* t = e_.tmpl();
  t->file_name = ctx_.file_name;
  t->source = ctx_.source_string;
  t->name = vm::Value::string(vm_.intern("eval"));  // "at eval (eval at f (...), ...)"
  t->flags |= vm::FunctionTemplate::kEval;
  Scope* s = info_->scope;
  scope_ = s;
  if (s->has_env) e_.emit(Op::kPushEnv, {s->env_size});
  for (Binding* b : s->bindings) {
    if (!b->in_env) b->reg = e_.alloc_local();
  }
  init_lexical_bindings(s);
  init_env_vars(s);
  completion_ = e_.alloc_local();
  e_.emit(Op::kLoadUndef, {completion_});
  hoist_functions(program.body, s, true);
  stmts(program.body);
  e_.emit(Op::kRet, {completion_});
  e_.finish();
}

vm::FunctionTemplate* compile_eval(vm::VM& vm, const Program& program, std::string_view source,
                                   const vm::EvalScope* outer, std::string_view file_name) {
  ScopeTree scopes;
  scopes.analyze_eval(program, outer);
  vm::FunctionTemplate* t = nullptr;
  with_context(vm, scopes, source, vm::Value::string(vm.new_string_utf8(file_name)),
               [&](Context& ctx) {
                 ctx.this_undefined = outer != nullptr && outer->this_undefined;
                 t = vm.new_function_template();
                 vm.persistent_roots().push_back(vm::Value::cell(t));
                 FunctionCompiler fc(ctx, scopes.script(), t);
                 fc.compile_eval_body(program);
               });
  return t;
}

}  // namespace kite::compiler
