#include "compiler/scope.h"

#include <string>

#include "util/unicode.h"

namespace kite::compiler {

using namespace kite::parser;

namespace {

[[noreturn]] void redeclared(const std::u16string& name, const Node* at) {
  throw CompileError{"Identifier '" + util::utf16_to_utf8(name) + "' has already been declared",
                     at->pos.line, at->pos.column};
}

}  // namespace

Scope* ScopeTree::new_scope(ScopeKind kind, Scope* parent, FunctionInfo* fn) {
  all_scopes_.push_back(std::make_unique<Scope>());
  Scope* s = all_scopes_.back().get();
  s->kind = kind;
  s->parent = parent;
  s->function = fn;
  return s;
}

Binding* ScopeTree::declare(Scope* s, const std::u16string& name, BindingKind kind, const Node* at,
                            std::uint32_t decl_end) {
  all_bindings_.push_back(std::make_unique<Binding>());
  Binding* b = all_bindings_.back().get();
  b->name = name;
  b->kind = kind;
  b->scope = s;
  b->decl_end = decl_end;
  s->bindings.push_back(b);
  s->by_name[name] = b;
  if (at != nullptr) refs_[at] = b;
  return b;
}

void ScopeTree::analyze(const Program& program) {
  all_functions_.push_back(std::make_unique<FunctionInfo>());
  script_ = all_functions_.back().get();
  script_->is_script = true;
  Scope* s = new_scope(ScopeKind::kFunction, nullptr, script_);
  script_->scope = s;
  if (program.is_module) {
    script_->is_script = false;
    script_->is_module = true;
    analyze_module(program, s);
    finish_scopes();
    return;
  }
  // Top-level var and function declarations become global object properties.
  for (const Node* n : program.body) hoist_var_names(n, s, true);
  declare_lexical(program.body, s, false);
  // Top-level lexical bindings are visible to later scripts and the
  // embedder, so they always live in the script's environment.
  for (Binding* b : s->bindings) b->captured = true;
  visit_stmts(program.body, s);
  finish_scopes();
}

void ScopeTree::analyze_eval(const Program& program, const vm::EvalScope* outer) {
  Scope* parent = nullptr;
  FunctionInfo* caller = nullptr;
  if (outer != nullptr) {
    // The caller's environments, innermost last in `levels`, each a scope
    // whose bindings keep their slots.
    all_functions_.push_back(std::make_unique<FunctionInfo>());
    caller = all_functions_.back().get();
    std::vector<Scope*> levels(outer->levels, nullptr);
    for (std::size_t i = levels.size(); i-- > 0;) {
      Scope* sc = new_scope(ScopeKind::kBlock, parent, caller);
      sc->synthetic = true;
      sc->has_env = true;
      levels[i] = sc;
      parent = sc;
    }
    for (const auto& ob : outer->bindings) {
      Scope* sc = levels[ob.level];
      if (sc->find(ob.name) != nullptr) continue;
      Binding* b = declare(sc, ob.name, static_cast<BindingKind>(ob.kind), nullptr, 0);
      b->captured = true;
      b->in_env = true;
      b->slot = ob.slot;
      if (b->kind == BindingKind::kThis && caller->this_binding == nullptr) {
        caller->this_binding = b;
      }
    }
  }
  all_functions_.push_back(std::make_unique<FunctionInfo>());
  script_ = all_functions_.back().get();
  script_->is_eval = true;
  script_->parent = caller;
  Scope* s = new_scope(ScopeKind::kFunction, parent, script_);
  script_->scope = s;
  for (const Node* n : program.body) hoist_var_names(n, s, true);
  declare_lexical(program.body, s, false);
  visit_stmts(program.body, s);
  finish_scopes();
}

// A module (16.2.1.1): imports, the declarations inside export
// declarations, and `export { x }` naming a declared binding. Every
// top-level binding lives in the module's environment.
void ScopeTree::analyze_module(const Program& program, Scope* s) {
  for (const Node* n : program.body) {
    if (n->kind != NodeKind::kImportDeclaration) continue;
    auto* d = static_cast<const ImportDeclaration*>(n);
    auto add = [&](const Identifier* id, BindingKind kind) {
      if (s->find(id->name) != nullptr) redeclared(id->name, id);
      declare(s, id->name, kind, id, 0);
    };
    if (d->namespace_local != nullptr) add(d->namespace_local, BindingKind::kConst);
    for (const ImportSpecifier& spec : d->specifiers) add(spec.local, BindingKind::kImport);
  }
  NodeList lexical;
  for (Node* n : program.body) {
    if (n->kind == NodeKind::kImportDeclaration) continue;
    if (n->kind != NodeKind::kExportDeclaration) {
      hoist_var_names(n, s, true);
      lexical.push_back(n);
      continue;
    }
    auto* d = static_cast<const ExportDeclaration*>(n);
    if (d->export_kind == ExportDeclaration::Kind::kDeclaration) {
      hoist_var_names(d->declaration, s, true);
      lexical.push_back(d->declaration);
    } else if (d->export_kind == ExportDeclaration::Kind::kDefault) {
      Node* decl = d->declaration;
      if (d->default_is_expression) {
        declare(s, kDefaultBinding, BindingKind::kConst, nullptr, d->end);
      } else if (decl->kind == NodeKind::kFunctionDeclaration) {
        if (static_cast<const FunctionNode*>(decl)->id != nullptr) {
          hoist_var_names(decl, s, true);
        } else {
          declare(s, kDefaultBinding, BindingKind::kFunction, nullptr, 0);
        }
      } else if (static_cast<const ClassNode*>(decl)->id != nullptr) {
        lexical.push_back(decl);
      } else {
        declare(s, kDefaultBinding, BindingKind::kClass, nullptr, decl->end);
      }
    }
  }
  declare_lexical(lexical, s, false);
  // Importers reach the bindings through the environment.
  for (Binding* b : s->bindings) b->captured = true;
  for (const Node* n : program.body) {
    if (n->kind == NodeKind::kImportDeclaration) continue;
    if (n->kind != NodeKind::kExportDeclaration) {
      visit_stmt(n, s);
      continue;
    }
    auto* d = static_cast<const ExportDeclaration*>(n);
    switch (d->export_kind) {
      case ExportDeclaration::Kind::kDeclaration:
        visit_stmt(d->declaration, s);
        break;
      case ExportDeclaration::Kind::kDefault:
        if (d->default_is_expression) {
          visit_expr(d->declaration, s);
        } else if (d->declaration->kind == NodeKind::kFunctionDeclaration) {
          visit_function(static_cast<const FunctionNode*>(d->declaration), s);
        } else {
          auto* c = static_cast<const ClassNode*>(d->declaration);
          if (c->id != nullptr) reference(c->id, c->id->name, s);
          visit_class(c, s);
        }
        break;
      case ExportDeclaration::Kind::kNamed:
        if (d->has_from) break;
        for (const ExportSpecifier& spec : d->specifiers) {
          if (s->find(spec.local) == nullptr) {
            throw CompileError{
                "Export '" + util::utf16_to_utf8(spec.local) + "' is not defined in module",
                spec.pos.line, spec.pos.column};
          }
        }
        break;
      case ExportDeclaration::Kind::kStar:
        break;
    }
  }
}

// Collects `var` names (and top-level function declarations) of a function
// body into its function scope, without entering nested functions.
void ScopeTree::hoist_var_names(const Node* n, Scope* fs, bool top) {
  if (n == nullptr) return;
  FunctionInfo* fn = fs->function;
  auto declare_var = [&](const Identifier* id) {
    if (fn->is_script) {
      fn->global_vars.push_back(id);
      return;
    }
    Binding* existing = fs->find(id->name);
    if (existing != nullptr) {
      // At a module's top level, functions are lexical declarations too.
      if (existing->is_lexical() || existing->kind == BindingKind::kImport ||
          (fn->is_module && existing->kind == BindingKind::kFunction)) {
        redeclared(id->name, id);
      }
      refs_[id] = existing;
      return;
    }
    declare(fs, id->name, BindingKind::kVar, id, 0);
  };
  switch (n->kind) {
    case NodeKind::kVariableDeclaration: {
      auto* d = static_cast<const VariableDeclaration*>(n);
      if (d->decl_kind != DeclKind::kVar) return;
      for (const auto& decl : d->declarations) for_each_bound_name(decl.id, declare_var);
      return;
    }
    case NodeKind::kFunctionDeclaration: {
      if (!top) return;  // block-level functions are lexical
      auto* f = static_cast<const FunctionNode*>(n);
      if (fn->is_script) {
        fn->global_functions.push_back(f);
        return;
      }
      Binding* existing = fs->find(f->id->name);
      if (existing != nullptr &&
          (existing->is_lexical() || existing->kind == BindingKind::kImport || fn->is_module)) {
        redeclared(f->id->name, f->id);
      }
      if (existing == nullptr) {
        declare(fs, f->id->name, BindingKind::kFunction, f->id, 0);
      } else {
        refs_[f->id] = existing;
        if (existing->kind == BindingKind::kVar) existing->kind = BindingKind::kFunction;
      }
      return;
    }
    case NodeKind::kBlockStatement:
      for (const Node* c : static_cast<const BlockStatement*>(n)->body)
        hoist_var_names(c, fs, false);
      return;
    case NodeKind::kIfStatement: {
      auto* i = static_cast<const IfStatement*>(n);
      hoist_var_names(i->consequent, fs, false);
      hoist_var_names(i->alternate, fs, false);
      return;
    }
    case NodeKind::kForStatement: {
      auto* f = static_cast<const ForStatement*>(n);
      hoist_var_names(f->init, fs, false);
      hoist_var_names(f->body, fs, false);
      return;
    }
    case NodeKind::kForInStatement:
    case NodeKind::kForOfStatement: {
      auto* f = static_cast<const ForInOfStatement*>(n);
      hoist_var_names(f->left, fs, false);
      hoist_var_names(f->body, fs, false);
      return;
    }
    case NodeKind::kWhileStatement:
    case NodeKind::kDoWhileStatement:
      hoist_var_names(static_cast<const WhileStatement*>(n)->body, fs, false);
      return;
    case NodeKind::kTryStatement: {
      auto* t = static_cast<const TryStatement*>(n);
      hoist_var_names(t->block, fs, false);
      hoist_var_names(t->handler, fs, false);
      hoist_var_names(t->finalizer, fs, false);
      return;
    }
    case NodeKind::kSwitchStatement:
      for (const auto& c : static_cast<const SwitchStatement*>(n)->cases) {
        for (const Node* st : c.consequent) hoist_var_names(st, fs, false);
      }
      return;
    case NodeKind::kLabeledStatement:
      hoist_var_names(static_cast<const LabeledStatement*>(n)->body, fs, top);
      return;
    default:
      return;
  }
}

void ScopeTree::declare_pattern(const Node* p, Scope* s, BindingKind kind, std::uint32_t decl_end,
                                bool in_switch) {
  if (p == nullptr) return;
  switch (p->kind) {
    case NodeKind::kIdentifier: {
      auto* id = static_cast<const Identifier*>(p);
      if (Binding* existing = s->find(id->name)) {
        // A catch parameter may be shadowed by var only (Annex B); in strict
        // mode every other duplicate in one scope is an error.
        (void)existing;
        redeclared(id->name, id);
      }
      Binding* b = declare(s, id->name, kind, id, decl_end);
      b->in_switch = in_switch;
      break;
    }
    case NodeKind::kAssignmentPattern:
      declare_pattern(static_cast<const AssignmentPattern*>(p)->target, s, kind, decl_end,
                      in_switch);
      break;
    case NodeKind::kRestElement:
      declare_pattern(static_cast<const RestElement*>(p)->argument, s, kind, decl_end, in_switch);
      break;
    case NodeKind::kArrayPattern:
      for (const Node* e : static_cast<const ArrayPattern*>(p)->elements) {
        declare_pattern(e, s, kind, decl_end, in_switch);
      }
      break;
    case NodeKind::kObjectPattern:
      for (const auto& prop : static_cast<const ObjectPattern*>(p)->properties) {
        declare_pattern(prop.spread != nullptr ? prop.spread : prop.value, s, kind, decl_end,
                        in_switch);
      }
      break;
    default:
      break;
  }
}

// Declares the let/const/class (and, in blocks, function) declarations
// that appear directly in `body`.
void ScopeTree::declare_lexical(const NodeList& body, Scope* s, bool in_switch) {
  for (const Node* n : body) {
    if (n->kind == NodeKind::kLabeledStatement) {
      while (n->kind == NodeKind::kLabeledStatement)
        n = static_cast<const LabeledStatement*>(n)->body;
    }
    if (n->kind == NodeKind::kVariableDeclaration) {
      auto* d = static_cast<const VariableDeclaration*>(n);
      if (d->decl_kind == DeclKind::kVar) continue;
      BindingKind kind = d->decl_kind == DeclKind::kLet ? BindingKind::kLet : BindingKind::kConst;
      for (const auto& decl : d->declarations) declare_pattern(decl.id, s, kind, d->end, in_switch);
    } else if (n->kind == NodeKind::kClassDeclaration) {
      auto* c = static_cast<const ClassNode*>(n);
      if (s->find(c->id->name) != nullptr) redeclared(c->id->name, c->id);
      Binding* b = declare(s, c->id->name, BindingKind::kClass, c->id, c->end);
      b->in_switch = in_switch;
    } else if (n->kind == NodeKind::kFunctionDeclaration && s->kind != ScopeKind::kFunction) {
      auto* f = static_cast<const FunctionNode*>(n);
      // A function body's own scope (parameters with expressions) has its
      // top-level functions already, hoisted with the vars.
      Binding* e = s->find(f->id->name);
      if (e != nullptr && e->kind == BindingKind::kFunction && s->function_body) continue;
      if (e != nullptr) redeclared(f->id->name, f->id);
      declare(s, f->id->name, BindingKind::kFunction, f->id, 0);
    }
  }
}

void ScopeTree::reference(const Node* ref, const std::u16string& name, Scope* s) {
  FunctionInfo* here = s->function;
  for (Scope* x = s; x != nullptr; x = x->parent) {
    if (Binding* b = x->find(name)) {
      refs_[ref] = b;
      if (b->scope->function != here) b->captured = true;
      if (ref->pos.offset < b->decl_end) b->early_ref = true;
      return;
    }
  }
}

void ScopeTree::reference_this(const Node* ref, Scope* s) {
  FunctionInfo* here = s->function;
  for (FunctionInfo* f = here; f != nullptr; f = f->parent) {
    if (f->this_binding != nullptr) {
      refs_[ref] = f->this_binding;
      if (f != here) f->this_binding->captured = true;
      return;
    }
  }
}

void ScopeTree::visit_function(const FunctionNode* f, Scope* parent) {
  all_functions_.push_back(std::make_unique<FunctionInfo>());
  FunctionInfo* fn = all_functions_.back().get();
  fn->node = f;
  fn->parent = parent->function;
  fn->is_arrow = f->is_arrow();
  functions_[f] = fn;
  Scope* s = new_scope(ScopeKind::kFunction, parent, fn);
  fn->scope = s;
  if (!fn->is_arrow) {
    fn->this_binding = declare(s, u"this", BindingKind::kThis, nullptr, 0);
  }
  // With default values or patterns, the parameters are initialized in
  // order: a reference inside the list to one not yet initialized is in its
  // TDZ (decl_end: the end of the parameter that binds it).
  for (const Node* p : f->params) {
    declare_pattern(p, s, BindingKind::kParam, f->simple_params ? 0 : p->end, false);
  }
  // With defaults or patterns, parameter initializers must see neither the
  // body's lexical declarations nor its vars (10.2.11 steps 28 and 30):
  // both live in a scope of their own, and a var named like a parameter is
  // a second binding that starts with the parameter's value
  // (FunctionCompiler copies it).
  Scope* body = s;
  if (!f->simple_params) {
    body = new_scope(ScopeKind::kBlock, s, fn);
    body->function_body = true;
    scopes_[f] = body;
  }
  for (const Node* st : f->body) hoist_var_names(st, body, true);
  if (!fn->is_arrow && (f->uses_arguments || f->has_direct_eval) &&
      s->find(u"arguments") == nullptr) {
    fn->arguments_binding = declare(s, u"arguments", BindingKind::kArguments, nullptr, 0);
  }
  if (f->function_kind == FunctionKind::kNormal && f->kind == NodeKind::kFunctionExpression &&
      f->id != nullptr && s->find(f->id->name) == nullptr) {
    fn->callee_binding = declare(s, f->id->name, BindingKind::kCallee, nullptr, 0);
  }
  for (const Node* p : f->params) visit_pattern(p, s);
  declare_lexical(f->body, body, false);
  if (f->expression_body != nullptr) {
    visit_expr(f->expression_body, body);
  } else {
    visit_stmts(f->body, body);
  }
}

void ScopeTree::visit_class(const ClassNode* c, Scope* outer) {
  if (c->super_class != nullptr) visit_expr(c->super_class, outer);
  Scope* s = new_scope(ScopeKind::kClass, outer, outer->function);
  scopes_[c] = s;
  if (c->id != nullptr) declare(s, c->id->name, BindingKind::kClassInner, nullptr, 0);
  // Private names and what the class keeps for its initializers live in
  // hidden bindings of the class scope ('#' cannot start an identifier):
  // "#x" the private name, "#x()" / "#x get" / "#x set" a private
  // method's or accessor's function, "#key N" a computed field key.
  std::uint32_t field_index = 0;
  for (const ClassMember& m : c->members) {
    if (m.is_private) {
      const auto& name = static_cast<const Identifier*>(m.key)->name;
      if (s->find(name) == nullptr) declare_hidden(s, name);
      switch (m.kind) {
        case ClassMember::Kind::kMethod:
          declare_hidden(s, name + u"()");
          break;
        case ClassMember::Kind::kGetter:
          declare_hidden(s, name + u" get");
          break;
        case ClassMember::Kind::kSetter:
          declare_hidden(s, name + u" set");
          break;
        default:
          break;
      }
    }
    if (m.kind == ClassMember::Kind::kField && m.computed) {
      declare_hidden(s, computed_field_key_name(field_index));
    }
    if (m.kind == ClassMember::Kind::kField) ++field_index;
  }
  for (const ClassMember& m : c->members) {
    if (m.computed) visit_expr(m.key, s);
  }
  if (c->constructor != nullptr) visit_function(c->constructor, s);
  for (const ClassMember& m : c->members) {
    if (m.function != nullptr && m.kind != ClassMember::Kind::kStaticBlock) {
      visit_function(m.function, s);
    }
  }
  // Field initializers run as synthetic methods: one for instance fields
  // and private methods (this = the new object), one for static fields,
  // static private methods and static blocks (this = the class).
  for (int is_static = 0; is_static < 2; ++is_static) {
    if (!has_initializer(c, is_static != 0)) continue;
    all_functions_.push_back(std::make_unique<FunctionInfo>());
    FunctionInfo* fn = all_functions_.back().get();
    fn->parent = s->function;
    fn->is_field_initializer = true;
    functions_[fields_key(c, is_static != 0)] = fn;
    Scope* fs = new_scope(ScopeKind::kFunction, s, fn);
    fn->scope = fs;
    fn->this_binding = declare(fs, u"this", BindingKind::kThis, nullptr, 0);
    for (const ClassMember& m : c->members) {
      if (m.is_static != (is_static != 0)) continue;
      if (m.kind == ClassMember::Kind::kField) {
        if (m.is_private) visit_expr(m.key, fs);  // the private name's binding
        if (m.value != nullptr) visit_expr(m.value, fs);
      } else if (m.kind == ClassMember::Kind::kStaticBlock) {
        visit_function(m.function, fs);
      }
    }
  }
}

// A class's hidden binding: read-only, and in the class's environment
// (the initializers read it without a reference the analysis could see).
void ScopeTree::declare_hidden(Scope* s, const std::u16string& name) {
  declare(s, name, BindingKind::kClassInner, nullptr, 0)->captured = true;
}

bool ScopeTree::has_initializer(const ClassNode* c, bool is_static) {
  for (const ClassMember& m : c->members) {
    if (m.is_static != is_static) continue;
    if (m.kind == ClassMember::Kind::kField || m.kind == ClassMember::Kind::kStaticBlock)
      return true;
    // Private methods and accessors are added to each new object (or to
    // the class) by the initializer.
    if (m.is_private) return true;
  }
  return false;
}

std::u16string ScopeTree::computed_field_key_name(std::uint32_t index) {
  std::u16string name = u"#key ";
  for (char ch : std::to_string(index)) name += static_cast<char16_t>(ch);
  return name;
}

void ScopeTree::visit_stmts(const NodeList& list, Scope* s) {
  for (const Node* n : list) visit_stmt(n, s);
}

void ScopeTree::visit_stmt(const Node* n, Scope* s) {
  if (n == nullptr) return;
  switch (n->kind) {
    case NodeKind::kVariableDeclaration: {
      auto* d = static_cast<const VariableDeclaration*>(n);
      for (const auto& decl : d->declarations) {
        if (d->decl_kind == DeclKind::kVar) {
          // A var may not hoist across a lexical declaration of the same name.
          for_each_bound_name(decl.id, [&](const Identifier* id) {
            for (Scope* x = s; x != nullptr && x->function == s->function; x = x->parent) {
              Binding* b = x->find(id->name);
              if (b != nullptr && (b->is_lexical() || (b->kind == BindingKind::kFunction &&
                                                       x->kind != ScopeKind::kFunction))) {
                redeclared(id->name, id);
              }
              if (x->kind == ScopeKind::kFunction) break;
            }
          });
        }
        visit_pattern(decl.id, s);
        if (decl.init != nullptr) visit_expr(decl.init, s);
      }
      return;
    }
    case NodeKind::kFunctionDeclaration:
      visit_function(static_cast<const FunctionNode*>(n), s);
      return;
    case NodeKind::kClassDeclaration: {
      auto* c = static_cast<const ClassNode*>(n);
      reference(c->id, c->id->name, s);
      visit_class(c, s);
      return;
    }
    case NodeKind::kExpressionStatement:
      visit_expr(static_cast<const ExpressionStatement*>(n)->expression, s);
      return;
    case NodeKind::kBlockStatement: {
      auto* b = static_cast<const BlockStatement*>(n);
      Scope* bs = new_scope(ScopeKind::kBlock, s, s->function);
      scopes_[b] = bs;
      declare_lexical(b->body, bs, false);
      visit_stmts(b->body, bs);
      return;
    }
    case NodeKind::kIfStatement: {
      auto* i = static_cast<const IfStatement*>(n);
      visit_expr(i->test, s);
      visit_stmt(i->consequent, s);
      visit_stmt(i->alternate, s);
      return;
    }
    case NodeKind::kForStatement: {
      auto* f = static_cast<const ForStatement*>(n);
      Scope* ls = new_scope(ScopeKind::kLoop, s, s->function);
      scopes_[f] = ls;
      if (f->init != nullptr && f->init->kind == NodeKind::kVariableDeclaration) {
        NodeList one{f->init};
        declare_lexical(one, ls, false);
        visit_stmt(f->init, ls);
      } else if (f->init != nullptr) {
        visit_expr(f->init, ls);
      }
      if (f->test != nullptr) visit_expr(f->test, ls);
      if (f->update != nullptr) visit_expr(f->update, ls);
      visit_stmt(f->body, ls);
      return;
    }
    case NodeKind::kForInStatement:
    case NodeKind::kForOfStatement: {
      auto* f = static_cast<const ForInOfStatement*>(n);
      Scope* ls = new_scope(ScopeKind::kLoop, s, s->function);
      scopes_[f] = ls;
      if (f->left->kind == NodeKind::kVariableDeclaration) {
        auto* d = static_cast<const VariableDeclaration*>(f->left);
        if (d->decl_kind != DeclKind::kVar) {
          // The right-hand side sees the loop bindings in TDZ.
          NodeList one{f->left};
          declare_lexical(one, ls, false);
          visit_expr(f->right, ls);
        } else {
          visit_expr(f->right, s);
        }
        visit_stmt(f->left, ls);
      } else {
        visit_expr(f->right, s);
        visit_pattern(f->left, ls);
      }
      visit_stmt(f->body, ls);
      return;
    }
    case NodeKind::kWhileStatement:
    case NodeKind::kDoWhileStatement: {
      auto* w = static_cast<const WhileStatement*>(n);
      visit_expr(w->test, s);
      visit_stmt(w->body, s);
      return;
    }
    case NodeKind::kReturnStatement:
      if (auto* a = static_cast<const ReturnStatement*>(n)->argument) visit_expr(a, s);
      return;
    case NodeKind::kThrowStatement:
      visit_expr(static_cast<const ThrowStatement*>(n)->argument, s);
      return;
    case NodeKind::kTryStatement: {
      auto* t = static_cast<const TryStatement*>(n);
      visit_stmt(t->block, s);
      if (t->handler != nullptr) {
        Scope* cs = new_scope(ScopeKind::kCatch, s, s->function);
        scopes_[t] = cs;
        if (t->param != nullptr) {
          declare_pattern(t->param, cs, BindingKind::kCatch, 0, false);
          visit_pattern(t->param, cs);
        }
        // The catch block's own lexical declarations may not redeclare the parameter.
        Scope* bs = new_scope(ScopeKind::kBlock, cs, s->function);
        scopes_[t->handler] = bs;
        for (const Node* st : t->handler->body) {
          if (st->kind == NodeKind::kVariableDeclaration &&
              static_cast<const VariableDeclaration*>(st)->decl_kind != DeclKind::kVar) {
            for (const auto& decl : static_cast<const VariableDeclaration*>(st)->declarations) {
              if (decl.id->kind == NodeKind::kIdentifier &&
                  cs->find(static_cast<const Identifier*>(decl.id)->name) != nullptr) {
                redeclared(static_cast<const Identifier*>(decl.id)->name, decl.id);
              }
            }
          }
        }
        declare_lexical(t->handler->body, bs, false);
        visit_stmts(t->handler->body, bs);
      }
      if (t->finalizer != nullptr) visit_stmt(t->finalizer, s);
      return;
    }
    case NodeKind::kSwitchStatement: {
      auto* sw = static_cast<const SwitchStatement*>(n);
      visit_expr(sw->discriminant, s);
      Scope* ss = new_scope(ScopeKind::kSwitch, s, s->function);
      scopes_[sw] = ss;
      for (const auto& c : sw->cases) declare_lexical(c.consequent, ss, true);
      for (const auto& c : sw->cases) {
        if (c.test != nullptr) visit_expr(c.test, ss);
        visit_stmts(c.consequent, ss);
      }
      return;
    }
    case NodeKind::kLabeledStatement:
      visit_stmt(static_cast<const LabeledStatement*>(n)->body, s);
      return;
    default:
      return;
  }
}

void ScopeTree::visit_pattern(const Node* p, Scope* s) {
  if (p == nullptr) return;
  switch (p->kind) {
    case NodeKind::kIdentifier:
      if (refs_.find(p) == refs_.end()) reference(p, static_cast<const Identifier*>(p)->name, s);
      return;
    case NodeKind::kMemberExpression:
      visit_expr(p, s);
      return;
    case NodeKind::kAssignmentPattern: {
      auto* a = static_cast<const AssignmentPattern*>(p);
      visit_pattern(a->target, s);
      visit_expr(a->value, s);
      return;
    }
    case NodeKind::kRestElement:
      visit_pattern(static_cast<const RestElement*>(p)->argument, s);
      return;
    case NodeKind::kArrayPattern:
      for (const Node* e : static_cast<const ArrayPattern*>(p)->elements) visit_pattern(e, s);
      return;
    case NodeKind::kObjectPattern:
      for (const auto& prop : static_cast<const ObjectPattern*>(p)->properties) {
        if (prop.spread != nullptr) {
          visit_pattern(prop.spread, s);
          continue;
        }
        if (prop.computed) visit_expr(prop.key, s);
        visit_pattern(prop.value, s);
      }
      return;
    default:
      visit_expr(p, s);
  }
}

void ScopeTree::visit_expr(const Node* n, Scope* s) {
  if (n == nullptr) return;
  switch (n->kind) {
    case NodeKind::kIdentifier:
      reference(n, static_cast<const Identifier*>(n)->name, s);
      return;
    case NodeKind::kThisExpression:
    case NodeKind::kSuper:
      reference_this(n, s);
      return;
    case NodeKind::kImportCall:
      visit_expr(static_cast<const ImportCall*>(n)->specifier, s);
      return;
    case NodeKind::kNumberLiteral:
    case NodeKind::kBigIntLiteral:
    case NodeKind::kStringLiteral:
    case NodeKind::kRegExpLiteral:
    case NodeKind::kBooleanLiteral:
    case NodeKind::kNullLiteral:
    case NodeKind::kNewTarget:
      return;
    case NodeKind::kTemplateLiteral:
      for (const Node* e : static_cast<const TemplateLiteral*>(n)->expressions) visit_expr(e, s);
      return;
    case NodeKind::kTaggedTemplate: {
      auto* t = static_cast<const TaggedTemplate*>(n);
      visit_expr(t->tag, s);
      visit_expr(t->quasi, s);
      return;
    }
    case NodeKind::kArrayExpression:
      for (const Node* e : static_cast<const ArrayExpression*>(n)->elements) visit_expr(e, s);
      return;
    case NodeKind::kObjectExpression:
      for (const auto& p : static_cast<const ObjectExpression*>(n)->properties) {
        if (p.spread != nullptr) {
          visit_expr(p.spread, s);
          continue;
        }
        if (p.computed) visit_expr(p.key, s);
        visit_expr(p.value, s);
      }
      return;
    case NodeKind::kFunctionExpression:
      visit_function(static_cast<const FunctionNode*>(n), s);
      return;
    case NodeKind::kClassExpression:
      visit_class(static_cast<const ClassNode*>(n), s);
      return;
    case NodeKind::kUnaryExpression:
      visit_expr(static_cast<const UnaryExpression*>(n)->argument, s);
      return;
    case NodeKind::kUpdateExpression:
      visit_expr(static_cast<const UpdateExpression*>(n)->argument, s);
      return;
    case NodeKind::kAwaitExpression:
      visit_expr(static_cast<const AwaitExpression*>(n)->argument, s);
      return;
    case NodeKind::kYieldExpression:
      if (static_cast<const YieldExpression*>(n)->argument != nullptr) {
        visit_expr(static_cast<const YieldExpression*>(n)->argument, s);
      }
      return;
    case NodeKind::kBinaryExpression:
    case NodeKind::kLogicalExpression: {
      auto* b = static_cast<const BinaryExpression*>(n);
      visit_expr(b->left, s);
      visit_expr(b->right, s);
      return;
    }
    case NodeKind::kAssignmentExpression: {
      auto* a = static_cast<const AssignmentExpression*>(n);
      visit_pattern(a->target, s);
      visit_expr(a->value, s);
      return;
    }
    case NodeKind::kConditionalExpression: {
      auto* c = static_cast<const ConditionalExpression*>(n);
      visit_expr(c->test, s);
      visit_expr(c->consequent, s);
      visit_expr(c->alternate, s);
      return;
    }
    case NodeKind::kCallExpression:
    case NodeKind::kNewExpression: {
      auto* c = static_cast<const CallExpression*>(n);
      if (c->direct_eval) {
        // Eval code may name any binding in scope: all of them live in
        // environments, where it finds them (vm/eval.cpp).
        for (Scope* x = s; x != nullptr; x = x->parent) {
          for (Binding* b : x->bindings) b->captured = true;
        }
      }
      visit_expr(c->callee, s);
      for (const Node* a : c->arguments) visit_expr(a, s);
      return;
    }
    case NodeKind::kMemberExpression: {
      auto* m = static_cast<const MemberExpression*>(n);
      visit_expr(m->object, s);
      if (m->computed || m->is_private) visit_expr(m->property, s);  // "#x" is a binding
      return;
    }
    case NodeKind::kChainExpression:
      visit_expr(static_cast<const ChainExpression*>(n)->expression, s);
      return;
    case NodeKind::kSequenceExpression:
      for (const Node* e : static_cast<const SequenceExpression*>(n)->expressions) visit_expr(e, s);
      return;
    case NodeKind::kSpreadElement:
      visit_expr(static_cast<const SpreadElement*>(n)->argument, s);
      return;
    case NodeKind::kAssignmentPattern:
    case NodeKind::kObjectPattern:
    case NodeKind::kArrayPattern:
    case NodeKind::kRestElement:
      visit_pattern(n, s);
      return;
    default:
      return;
  }
}

void ScopeTree::finish_scopes() {
  for (auto& s : all_scopes_) {
    if (s->synthetic) continue;
    std::uint16_t slot = 0;
    for (Binding* b : s->bindings) {
      if (b->captured) {
        b->in_env = true;
        b->slot = slot++;
      }
    }
    s->env_size = slot;
    s->has_env = slot > 0;
  }
}

}  // namespace kite::compiler
