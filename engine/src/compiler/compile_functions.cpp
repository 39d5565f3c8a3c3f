// Code generation for functions and classes: a function's prologue
// (parameters, arguments, this), the script, default constructors, field
// initializers and class definitions.
#include "compiler/function_compiler.h"

namespace kite::compiler {

using namespace kite::parser;
using vm::Op;  // bytecode opcodes; AST operators are parser::Op

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

void FunctionCompiler::set_source_range(vm::FunctionTemplate* t, std::uint32_t start,
                                        std::uint32_t end) {
  t->source_start = start;
  t->source_end = end;
  if (ctx_.source_ascii) return;
  // Byte offsets into the UTF-8 source become UTF-16 offsets into the
  // source string Function.prototype.toString slices.
  auto units = [&](std::uint32_t byte_off) {
    std::uint32_t n = 0;
    for (std::uint32_t i = 0; i < byte_off && i < ctx_.source.size(); ++i) {
      auto c = static_cast<unsigned char>(ctx_.source[i]);
      if ((c & 0xC0) != 0x80) n += c >= 0xF0 ? 2 : 1;
    }
    return n;
  };
  t->source_start = units(start);
  t->source_end = units(end);
}

void FunctionCompiler::compile_function(const FunctionNode* f, const ClassNode* cls) {
  vm::FunctionTemplate* t = e_.tmpl();
  t->file_name = ctx_.file_name;
  t->source = ctx_.source_string;
  // A class constructor's source text is the whole class (20.2.3.5).
  set_source_range(t, cls != nullptr ? cls->source_start : f->source_start,
                   cls != nullptr ? cls->source_end : f->source_end);
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
  if (f->uses_arguments || f->has_direct_eval) t->flags |= vm::FunctionTemplate::kUsesArguments;
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
  if (f->sloppy_this && f->function_kind != FunctionKind::kArrow) {
    e_.emit(Op::kIntrinsic, {0, static_cast<std::uint16_t>(vm::Intrinsic::kSloppyThis), 0, 0});
  }
  // An async function (27.7.5.1): its promise exists before the parameters
  // are bound, and every abrupt completion of the rest rejects it.
  std::uint32_t async_body = 0;
  Label async_catch = e_.new_label();
  Reg async_exc = 0;
  if (f->is_async) {
    t->flags |= vm::FunctionTemplate::kAsync;
    is_async_ = true;
    async_exc = e_.alloc_local();
    if (f->is_generator) {
      // An async generator (27.6.3.2 AsyncGeneratorStart): the parameters
      // throw to the caller, as a generator's do; the body's completion
      // settles the requests. GenStart below makes the object.
      is_async_gen_ = true;
    } else {
      gen_reg_ = e_.alloc_local();
      e_.emit(Op::kAsyncStart, {gen_reg_});
      async_body = e_.pc();
    }
  }
  Scope* s = info_->scope;
  scope_ = s;
  if (s->has_env) e_.emit(Op::kPushEnv, {s->env_size});
  // Simple uncaptured parameters keep their incoming register.
  for (std::size_t i = 0; i < np; ++i) {
    const Node* p = f->params[i];
    if (p->kind == NodeKind::kIdentifier) {
      Binding* b = ctx_.scopes.resolved(p);
      if (b != nullptr && !b->in_env && !b->early_ref) b->reg = incoming[i];
    }
  }
  for (Binding* b : s->bindings) {
    if (b->in_env || b->kind == BindingKind::kThis) continue;
    if (b->kind == BindingKind::kParam && b->reg != 0) continue;
    b->reg = e_.alloc_local();
    // A parameter read inside the list before its turn starts in its TDZ.
    if (b->kind == BindingKind::kParam && b->early_ref) e_.emit(Op::kLoadHole, {b->reg});
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
  init_env_vars(s);
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
      if (b != nullptr && (b->in_env || b->reg != in)) store_binding(b, in, true, p);
      continue;
    }
    bind_pattern(p, in, true);
  }
  Scope* body_scope = ctx_.scopes.scope_of(f);
  if (body_scope != nullptr) {
    enter_scope(body_scope);
    // The body's vars (10.2.11 step 28.e): undefined, or the value of the
    // parameter of the same name.
    for (Binding* b : body_scope->bindings) {
      if (b->kind != BindingKind::kVar) continue;
      Binding* param = s->find(b->name);
      if (b->in_env || (param != nullptr && param->kind == BindingKind::kParam)) {
        Reg r = temp();
        if (param != nullptr && param->kind == BindingKind::kParam) {
          load_binding(param, r, nullptr);
        } else {
          e_.emit(Op::kLoadUndef, {r});
        }
        store_binding(b, r, true, nullptr);
        e_.free_temps_to(r);
      }
    }
  }
  hoist_functions(f->body, s, true);
  if (f->is_generator) {
    // FunctionDeclarationInstantiation is done: make the generator object
    // and return it; the first next() resumes here.
    t->flags |= vm::FunctionTemplate::kGenerator;
    gen_reg_ = e_.alloc_local();
    e_.emit(Op::kGenStart, {gen_reg_});
    if (is_async_gen_) async_body = e_.pc();
  }
  if (f->expression_body != nullptr) {
    Reg r = temp();
    expr(f->expression_body, r);
    emit_return(r);
  } else {
    stmts(f->body);
    if (is_async_) {
      Reg r = temp();
      e_.emit(Op::kLoadUndef, {r});
      emit_return(r);
    } else {
      e_.emit(Op::kRetUndef);
    }
  }
  if (f->is_async) {
    // Last in the table, so every try block inside comes first.
    e_.add_handler(async_body, e_.pc(), async_catch, async_exc);
    e_.bind(async_catch);
    e_.emit(Op::kAsyncThrow, {gen_reg_, async_exc});
  }
  e_.finish();
}

}  // namespace kite::compiler
