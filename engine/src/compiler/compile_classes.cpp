// Classes (ECMA-262 15.7): ClassDefinitionEvaluation, the synthetic field
// initializers, private names and static blocks.
//
// A class evaluates in its own scope. Private names and what the
// initializers need later live in hidden bindings of that scope (declared by
// ScopeTree::visit_class): "#x" holds the private name (a private symbol
// made by NewPrivateName each time the class is evaluated), "#x()", "#x get"
// and "#x set" a private method's or accessor's function, "#key N" the key
// of a computed field, evaluated once in element order. `obj.#x` is a
// computed member access whose key is the binding "#x", compiled to
// GetPrivate / SetPrivate (own private elements only; a TypeError when
// missing). The instance initializer (run by the constructor: InitFields,
// or after super()) first adds the private methods and accessors, then the
// fields in order; the static one does the same on the class, with the
// static blocks in their place among the static fields.
#include "compiler/function_compiler.h"

namespace kite::compiler {

using namespace kite::parser;
using vm::Op;  // bytecode opcodes; AST operators are parser::Op

namespace {

const std::u16string& private_name(const ClassMember& m) {
  return static_cast<const Identifier*>(m.key)->name;
}

}  // namespace

void FunctionCompiler::get_elem(const MemberExpression* m, Reg dst, Reg obj, Reg key) {
  if (m->is_private) {
    e_.emit(Op::kGetPrivate, {dst, obj, key, e_.new_ic()});
  } else {
    e_.emit(Op::kGetElem, {dst, obj, key});
  }
}

void FunctionCompiler::set_elem(const MemberExpression* m, Reg obj, Reg key, Reg value) {
  if (m->is_private) {
    e_.emit(Op::kSetPrivate, {obj, key, value, e_.new_ic()});
  } else {
    e_.emit(Op::kSetElem, {obj, key, value});
  }
}

void FunctionCompiler::compile_default_constructor(const ClassNode* c) {
  vm::FunctionTemplate* t = e_.tmpl();
  t->file_name = ctx_.file_name;
  t->source = ctx_.source_string;
  set_source_range(t, c->source_start, c->source_end);
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

// Reads a hidden binding of the class scope into `dst`.
void FunctionCompiler::load_class_binding(const ClassNode* c, const std::u16string& name, Reg dst) {
  Binding* b = ctx_.scopes.scope_of(c)->find(name);
  if (b == nullptr) error("internal: no class binding", c);
  load_binding(b, dst, nullptr);
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
  // Private methods and accessors first (PrivateMethodOrAccessorAdd), one
  // element per name: a getter and a setter of a name make one accessor.
  std::vector<const std::u16string*> done;
  for (const ClassMember& m : c->members) {
    if (!m.is_private || m.is_static != is_static || m.kind == ClassMember::Kind::kField) continue;
    const std::u16string& name = private_name(m);
    bool seen = false;
    for (const auto* d : done) seen |= *d == name;
    if (seen) continue;
    done.push_back(&name);
    e_.position(m.pos.line, m.pos.column);
    Reg key = temp();
    load_class_binding(c, name, key);
    if (m.kind == ClassMember::Kind::kMethod) {
      Reg fn = temp();
      load_class_binding(c, name + u"()", fn);
      e_.emit(Op::kDefinePrivate, {0, key, fn, 1});
    } else {
      Reg getter = temp();
      Reg setter = temp();
      Binding* g = ctx_.scopes.scope_of(c)->find(name + u" get");
      Binding* st = ctx_.scopes.scope_of(c)->find(name + u" set");
      if (g != nullptr) {
        load_binding(g, getter, nullptr);
      } else {
        e_.emit(Op::kLoadUndef, {getter});
      }
      if (st != nullptr) {
        load_binding(st, setter, nullptr);
      } else {
        e_.emit(Op::kLoadUndef, {setter});
      }
      e_.emit(Op::kDefinePrivateAccessor, {0, key, getter, setter});
    }
    e_.free_temps_to(key);
  }
  std::uint32_t field_index = 0;
  for (const ClassMember& m : c->members) {
    if (m.kind == ClassMember::Kind::kField) ++field_index;
    if (m.is_static != is_static) continue;
    if (m.kind == ClassMember::Kind::kStaticBlock) {
      // A static block: a method of the class called with this = the class.
      Reg fn = temp();
      Reg r = temp();
      vm::FunctionTemplate* bt = compile_nested(m.function);
      e_.emit(Op::kNewClosure, {fn, e_.constant(vm::Value::cell(bt))});
      e_.emit(Op::kSetHome, {fn, 0});
      e_.emit(Op::kCall, {r, fn, 0, r, 0});
      e_.free_temps_to(fn);
      continue;
    }
    if (m.kind != ClassMember::Kind::kField) continue;
    e_.position(m.pos.line, m.pos.column);
    Reg key = temp();
    Reg val = temp();
    if (m.is_private) {
      load_class_binding(c, private_name(m), key);
    } else if (m.computed) {
      load_class_binding(c, ScopeTree::computed_field_key_name(field_index - 1), key);
    } else {
      property_key(m.key, false, key);
    }
    if (m.value != nullptr) {
      expr(m.value, val);
    } else {
      e_.emit(Op::kLoadUndef, {val});
    }
    if (m.is_private) {
      e_.emit(Op::kDefinePrivate, {0, key, val, 0});
    } else {
      e_.emit(Op::kDefineElem, {0, key, val});
    }
    e_.free_temps_to(key);
  }
  e_.emit(Op::kRetUndef);
  e_.finish();
}

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
  // Each evaluation of the class makes new private names (before any
  // computed key can refer to them).
  std::vector<Binding*> made;
  for (const ClassMember& m : c->members) {
    if (!m.is_private) continue;
    Binding* b = cs->find(private_name(m));
    bool seen = false;
    for (Binding* x : made) seen |= x == b;
    if (seen) continue;
    made.push_back(b);
    Reg r = temp();
    e_.emit(Op::kNewPrivateName, {r, name_const(private_name(m))});
    store_binding(b, r, true, nullptr);
    e_.free_temps_to(r);
  }
  bool has_instance_init = ScopeTree::has_initializer(c, false);
  bool has_static_init = ScopeTree::has_initializer(c, true);
  // The constructor.
  vm::FunctionTemplate* ctor_t = vm_.new_function_template();
  vm_.persistent_roots().push_back(vm::Value::cell(ctor_t));
  if (c->constructor != nullptr) {
    FunctionCompiler fc(ctx_, ctx_.scopes.function_of(c->constructor), ctor_t);
    fc.has_instance_fields_ = has_instance_init;
    fc.compile_function(c->constructor, c);
  } else {
    FunctionCompiler fc(ctx_, info_, ctor_t);
    fc.scope_ = scope_;
    fc.has_instance_fields_ = has_instance_init;
    fc.compile_default_constructor(c);
  }
  if (has_instance_init) ctor_t->flags |= vm::FunctionTemplate::kHasFields;
  Reg ctor = temp();
  Reg proto = temp();
  e_.emit(Op::kNewClass, {ctor, proto, super_reg, e_.constant(vm::Value::cell(ctor_t))});
  if (c->id != nullptr) {
    Binding* inner = cs->find(c->id->name);
    if (inner != nullptr) store_binding(inner, ctor, true, c);
  }
  // The elements in order: methods and accessors are defined, private ones
  // kept for the initializers, computed field keys evaluated and kept.
  std::uint32_t field_index = 0;
  for (const ClassMember& m : c->members) {
    if (m.kind == ClassMember::Kind::kStaticBlock) continue;
    if (m.kind == ClassMember::Kind::kField) {
      ++field_index;
      if (!m.computed) continue;
      Reg key = temp();
      property_key(m.key, true, key);
      e_.emit(Op::kToPropertyKey, {key, key});
      store_binding(cs->find(ScopeTree::computed_field_key_name(field_index - 1)), key, true,
                    nullptr);
      e_.free_temps_to(key);
      continue;
    }
    Reg key = temp();
    Reg fn = temp();
    if (!m.is_private) property_key(m.key, m.computed, key);
    vm::FunctionTemplate* t = compile_nested(m.function);
    e_.emit(Op::kNewClosure, {fn, e_.constant(vm::Value::cell(t))});
    if (m.computed && m.kind == ClassMember::Kind::kMethod)
      e_.emit(Op::kSetFunctionName, {fn, key});
    Reg target = m.is_static ? ctor : proto;
    e_.emit(Op::kSetHome, {fn, target});
    if (m.is_private) {
      const char16_t* suffix = m.kind == ClassMember::Kind::kGetter   ? u" get"
                               : m.kind == ClassMember::Kind::kSetter ? u" set"
                                                                      : u"()";
      store_binding(cs->find(private_name(m) + suffix), fn, true, nullptr);
      e_.free_temps_to(key);
      continue;
    }
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
    if (!(is_static != 0 ? has_static_init : has_instance_init)) continue;
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

}  // namespace kite::compiler
