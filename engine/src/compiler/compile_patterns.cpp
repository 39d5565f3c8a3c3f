// Code generation for destructuring: binding and assignment patterns.
#include "compiler/function_compiler.h"

#include <string>

#include "util/unicode.h"

namespace kite::compiler {

using namespace kite::parser;
using vm::Op;  // bytecode opcodes; AST operators are parser::Op

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
      // While the pattern runs, an abrupt completion closes the iterator
      // unless it is done (IteratorClose, 8.6.2 step 5): a throw through the
      // handler below, a return (a generator resumed with return at a
      // yield inside a default) through jump_out and this target.
      Target closer{Target::kBlock, {}, Label{}, Label{}, scope_};
      closer.iter = iter;
      closer.has_iter = true;
      closer.iter_done = done_flag;
      targets_.push_back(closer);
      Label on_throw = e_.new_label();
      Reg exc = temp();
      auto guarded = [&](auto&& body) {
        std::uint32_t start = e_.pc();
        body();
        e_.add_handler(start, e_.pc(), on_throw, exc);
      };
      // Steps the iterator into v (once it is done, every element is
      // undefined).
      auto step = [&] {
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
      };
      for (const Node* el : a->elements) {
        // An assignment element whose target is a property reference
        // evaluates that reference before stepping the iterator
        // (13.15.5.5 step 1): object and key now, the store later.
        const Node* target = el;
        const Node* dflt = nullptr;
        if (el != nullptr && el->kind == NodeKind::kAssignmentPattern) {
          target = static_cast<const AssignmentPattern*>(el)->target;
          dflt = static_cast<const AssignmentPattern*>(el)->value;
        }
        if (!init && target != nullptr && target->kind == NodeKind::kMemberExpression &&
            static_cast<const MemberExpression*>(target)->object->kind != NodeKind::kSuper) {
          auto* m = static_cast<const MemberExpression*>(target);
          Reg obj = temp();
          Reg key = temp();
          guarded([&] {
            expr(m->object, obj);
            if (m->computed) expr(m->property, key);
          });
          step();
          guarded([&] {
            if (dflt != nullptr) {
              Label has = e_.new_label();
              e_.emit_jump(Op::kJmpUndef, {v}, has);
              Label skip = e_.new_label();
              e_.emit_jump(Op::kJmp, {}, skip);
              e_.bind(has);
              expr(dflt, v);
              e_.bind(skip);
            }
            pos(m);
            if (m->computed) {
              set_elem(m, obj, key, v);
            } else {
              e_.emit(Op::kSetProp,
                      {obj, name_const(static_cast<const Identifier*>(m->property)->name), v,
                       e_.new_ic()});
            }
          });
          e_.free_temps_to(obj);
          continue;
        }
        if (el != nullptr && el->kind == NodeKind::kRestElement) {
          // A property reference target is evaluated before the iterator
          // is drained (13.15.5.5 AssignmentRestElement step 1).
          const Node* rest_target = static_cast<const RestElement*>(el)->argument;
          const MemberExpression* rm = nullptr;
          Reg robj = 0;
          Reg rkey = 0;
          if (!init && rest_target->kind == NodeKind::kMemberExpression &&
              static_cast<const MemberExpression*>(rest_target)->object->kind != NodeKind::kSuper) {
            rm = static_cast<const MemberExpression*>(rest_target);
            robj = temp();
            rkey = temp();
            guarded([&] {
              expr(rm->object, robj);
              if (rm->computed) expr(rm->property, rkey);
            });
          }
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
          if (rm != nullptr) {
            guarded([&] {
              pos(rm);
              if (rm->computed) {
                set_elem(rm, robj, rkey, arr);
              } else {
                e_.emit(Op::kSetProp,
                        {robj, name_const(static_cast<const Identifier*>(rm->property)->name), arr,
                         e_.new_ic()});
              }
            });
            break;
          }
          guarded([&] { bind_pattern(rest_target, arr, init); });
          break;
        }
        step();
        if (el != nullptr) guarded([&] { bind_pattern(el, v, init); });
      }
      targets_.pop_back();
      // Close the iterator if it was not exhausted.
      Label closed = e_.new_label();
      e_.emit_jump(Op::kJmpTrue, {done_flag}, closed);
      e_.emit(Op::kIterClose, {iter});
      Label after = e_.new_label();
      e_.emit_jump(Op::kJmp, {}, after);
      // A throw: close (its own errors ignored, the throw wins), rethrow.
      e_.bind(on_throw);
      Label rethrow = e_.new_label();
      e_.emit_jump(Op::kJmpTrue, {done_flag}, rethrow);
      Reg ignored = temp();
      std::uint32_t close_start = e_.pc();
      e_.emit(Op::kIterClose, {iter});
      e_.add_handler(close_start, e_.pc(), rethrow, ignored);
      e_.bind(rethrow);
      e_.emit(Op::kThrow, {exc});
      e_.bind(closed);
      e_.bind(after);
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
        set_elem(m, obj, key, value);
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

}  // namespace kite::compiler
