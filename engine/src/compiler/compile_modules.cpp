// Code generation for modules (ECMA-262 16.2.1.6): the module's body and
// its InitializeEnvironment part (vars to undefined, functions hoisted),
// both run with the module's environment as their closure environment
// (the loader makes it, so importers can point at it first); and the
// record's requests, imports and exports (ParseModule).
#include <string>
#include <unordered_map>

#include "compiler/function_compiler.h"
#include "util/unicode.h"
#include "vm/modules.h"

namespace kite::compiler {

using namespace kite::parser;
using vm::Op;  // bytecode opcodes; AST operators are parser::Op

namespace {

// The function declarations a module hoists: top-level ones, and those of
// `export function` and `export default function`.
template <typename F>
void for_each_hoisted(const Program& program, F&& fn) {
  for (const Node* n : program.body) {
    while (n->kind == NodeKind::kLabeledStatement)
      n = static_cast<const LabeledStatement*>(n)->body;
    if (n->kind == NodeKind::kExportDeclaration) {
      auto* d = static_cast<const ExportDeclaration*>(n);
      if (d->export_kind == ExportDeclaration::Kind::kDeclaration ||
          (d->export_kind == ExportDeclaration::Kind::kDefault && !d->default_is_expression)) {
        n = d->declaration;
      }
    }
    if (n->kind == NodeKind::kFunctionDeclaration) fn(static_cast<const FunctionNode*>(n));
  }
}

}  // namespace

Scope* FunctionCompiler::begin_module_template() {
  vm::FunctionTemplate* t = e_.tmpl();
  t->flags |= vm::FunctionTemplate::kModule;
  t->file_name = ctx_.file_name;
  t->source = ctx_.source_string;
  scope_ = info_->scope;
  return scope_;
}

void FunctionCompiler::compile_module_init(const Program& program) {
  Scope* s = begin_module_template();
  init_env_vars(s);
  for_each_hoisted(program, [&](const FunctionNode* f) {
    vm::FunctionTemplate* ft = compile_nested(f);
    Reg r = temp();
    e_.emit(Op::kNewClosure, {r, e_.constant(vm::Value::cell(ft))});
    Binding* b =
        f->id != nullptr ? ctx_.scopes.resolved(f->id) : s->find(ScopeTree::kDefaultBinding);
    store_binding(b, r, true, f);
    e_.free_temps_to(r);
  });
  e_.emit(Op::kRetUndef);
  e_.finish();
}

void FunctionCompiler::compile_module_body(const Program& program) {
  vm::FunctionTemplate* t = e_.tmpl();
  Scope* s = begin_module_template();
  // A module that awaits runs as an async function (16.2.1.6.5
  // ExecuteModule with a capability): its promise settles when it ends.
  std::uint32_t async_body = 0;
  Label async_catch = e_.new_label();
  Reg async_exc = 0;
  if (program.has_top_level_await) {
    t->flags |= vm::FunctionTemplate::kAsync;
    is_async_ = true;
    async_exc = e_.alloc_local();
    gen_reg_ = e_.alloc_local();
    e_.emit(Op::kAsyncStart, {gen_reg_});
    async_body = e_.pc();
  }
  for (const Node* n : program.body) {
    if (n->kind == NodeKind::kImportDeclaration) continue;
    if (n->kind != NodeKind::kExportDeclaration) {
      stmt(n);
      continue;
    }
    auto* d = static_cast<const ExportDeclaration*>(n);
    if (d->export_kind == ExportDeclaration::Kind::kDeclaration) {
      stmt(d->declaration);
    } else if (d->export_kind == ExportDeclaration::Kind::kDefault) {
      const Node* decl = d->declaration;
      if (!d->default_is_expression && decl->kind == NodeKind::kFunctionDeclaration) continue;
      if (!d->default_is_expression && static_cast<const ClassNode*>(decl)->id != nullptr) {
        stmt(decl);
        continue;
      }
      Reg mark = e_.temp_mark();
      Reg r = temp();
      pos(d);
      if (d->default_is_expression) {
        expr(decl, r);
      } else {
        class_decl(static_cast<const ClassNode*>(decl), r);
      }
      store_binding(s->find(ScopeTree::kDefaultBinding), r, true, d);
      e_.free_temps_to(mark);
    }
  }
  if (is_async_) {
    Reg r = temp();
    e_.emit(Op::kLoadUndef, {r});
    emit_return(r);
    e_.add_handler(async_body, e_.pc(), async_catch, async_exc);
    e_.bind(async_catch);
    e_.emit(Op::kAsyncThrow, {gen_reg_, async_exc});
  } else {
    e_.emit(Op::kRetUndef);
  }
  e_.finish();
}

void compile_module(vm::VM& vm, const Program& program, std::string_view source,
                    std::string_view filename, vm::ModuleRecord* record) {
  ScopeTree scopes;
  scopes.analyze(program);
  vm::FunctionTemplate* init = nullptr;
  vm::FunctionTemplate* body = nullptr;
  with_context(vm, scopes, source, vm::Value::string(vm.new_string_utf8(filename)),
               [&](Context& ctx) {
                 ctx.module = record;
                 init = vm.new_function_template();
                 vm.persistent_roots().push_back(vm::Value::cell(init));
                 body = vm.new_function_template();
                 vm.persistent_roots().push_back(vm::Value::cell(body));
                 FunctionCompiler fi(ctx, scopes.script(), init);
                 fi.compile_module_init(program);
                 FunctionCompiler fb(ctx, scopes.script(), body);
                 fb.compile_module_body(program);
               });
  record->init = init;
  record->body = body;
  record->has_tla = program.has_top_level_await;
  Scope* s = scopes.script()->scope;
  record->env_size = s->env_size;

  // ParseModule: requests in source order, then the entries.
  auto request = [&](const std::u16string& spec) -> std::uint32_t {
    std::string text = util::utf16_to_utf8(spec);
    for (std::uint32_t i = 0; i < record->requests.size(); ++i) {
      if (record->requests[i] == text) return i;
    }
    record->requests.push_back(text);
    return static_cast<std::uint32_t>(record->requests.size() - 1);
  };
  std::unordered_map<const Binding*, std::size_t> import_of;  // import binding -> entry
  for (const Node* n : program.body) {
    if (n->kind == NodeKind::kImportDeclaration) {
      auto* d = static_cast<const ImportDeclaration*>(n);
      std::uint32_t r = request(d->module);
      if (d->namespace_local != nullptr) {
        Binding* b = scopes.resolved(d->namespace_local);
        import_of[b] = record->imports.size();
        record->imports.push_back(
            {r, vm::kAllButDefault, true, b->slot, d->pos.line, d->pos.column});
      }
      for (const ImportSpecifier& spec : d->specifiers) {
        Binding* b = scopes.resolved(spec.local);
        import_of[b] = record->imports.size();
        record->imports.push_back(
            {r, spec.imported, false, b->slot, spec.local->pos.line, spec.local->pos.column});
      }
    } else if (n->kind == NodeKind::kExportDeclaration) {
      auto* d = static_cast<const ExportDeclaration*>(n);
      if (d->has_from) request(d->module);
    }
  }
  auto local = [&](const std::u16string& export_name, const Binding* b) {
    record->local_exports.push_back({export_name, b->slot});
  };
  for (const Node* n : program.body) {
    if (n->kind != NodeKind::kExportDeclaration) continue;
    auto* d = static_cast<const ExportDeclaration*>(n);
    switch (d->export_kind) {
      case ExportDeclaration::Kind::kDeclaration: {
        const Node* decl = d->declaration;
        std::vector<const Identifier*> names;
        if (decl->kind == NodeKind::kVariableDeclaration) {
          for (const auto& v : static_cast<const VariableDeclaration*>(decl)->declarations) {
            for_each_bound_name(v.id, [&](const Identifier* id) { names.push_back(id); });
          }
        } else if (decl->kind == NodeKind::kFunctionDeclaration) {
          names.push_back(static_cast<const FunctionNode*>(decl)->id);
        } else {
          names.push_back(static_cast<const ClassNode*>(decl)->id);
        }
        for (const Identifier* id : names) local(id->name, s->find(id->name));
        break;
      }
      case ExportDeclaration::Kind::kDefault: {
        const Node* decl = d->declaration;
        const Identifier* id = nullptr;
        if (!d->default_is_expression) {
          id = decl->kind == NodeKind::kFunctionDeclaration
                   ? static_cast<const FunctionNode*>(decl)->id
                   : static_cast<const ClassNode*>(decl)->id;
        }
        local(u"default", s->find(id != nullptr ? id->name : ScopeTree::kDefaultBinding));
        break;
      }
      case ExportDeclaration::Kind::kNamed:
        for (const ExportSpecifier& spec : d->specifiers) {
          if (d->has_from) {
            record->indirect_exports.push_back(
                {spec.exported, request(d->module), spec.local, spec.pos.line, spec.pos.column});
            continue;
          }
          const Binding* b = s->find(spec.local);
          auto it = import_of.find(b);
          if (it != import_of.end()) {
            // Re-exporting an import: an indirect export (16.2.1.6.1 step
            // 10.a.ii), of the module's namespace for `import * as`.
            const auto& ie = record->imports[it->second];
            record->indirect_exports.push_back(
                {spec.exported, ie.request, ie.name, spec.pos.line, spec.pos.column});
          } else {
            local(spec.exported, b);
          }
        }
        break;
      case ExportDeclaration::Kind::kStar:
        if (d->star_as) {
          record->indirect_exports.push_back(
              {d->star_name, request(d->module), vm::kAllButDefault, d->pos.line, d->pos.column});
        } else {
          record->star_exports.push_back(request(d->module));
        }
        break;
    }
  }
}

}  // namespace kite::compiler
