// The interpreter loop: executes register bytecode frame by frame. JS-to-JS
// calls push a Frame and stay in this loop (no C++ recursion); natives are
// called directly. Dispatch is a computed-goto table when
// KITE_OPT_COMPUTED_GOTO is on, a switch otherwise. What the loop calls out
// to lives beside it: vm/inline_cache.cpp (property cache misses),
// vm/call.cpp (calls from C++, frames, the arguments object) and
// vm/iteration.cpp (iterators, for-in).
#include <kite/perf_flags.h>

#include <cmath>
#include <cstring>

#include "builtins/builtins.h"
#include "objects/call_info.h"
#include "objects/environment.h"
#include "objects/function.h"
#include "objects/object.h"
#include "objects/ordered_table.h"
#include "objects/property_map.h"
#include "objects/shape.h"
#include "objects/string.h"
#include "objects/typed_array.h"
#include "util/numbers.h"
#include "vm/bytecode.h"
#include "vm/call.h"
#include "vm/function_template.h"
#include "vm/generator.h"
#include "vm/inline_cache.h"
#include "vm/iteration.h"
#include "vm/vm.h"

namespace kite::vm {

namespace {
inline bool both_int(Value a, Value b) {
#if KITE_OPT_INT_FASTPATH
  return a.is_int32() && b.is_int32();
#else
  (void)a;
  (void)b;
  return false;
#endif
}
}  // namespace

// obj[key] for a string or symbol key naming an own data property of an
// ordinary object: found without [[Get]]'s prototype walk (js/dynamicProps
// reads o[k] on a shape or dictionary object). False: take the generic path.
static bool get_own_data_property(Object* o, PropertyKey key, Value* out) {
  if (key.is_index() || o->klass() == ObjectClass::kArray) return false;
  if (o->shape()->is_dictionary()) {
    Property* p = o->dict()->find(key);
    if (p == nullptr || (p->attrs & attr::kAccessor) != 0) return false;
    *out = p->value;
    return true;
  }
  std::uint8_t attrs;
  std::int32_t slot = o->shape()->lookup(key, &attrs);
  if (slot < 0 || (attrs & attr::kAccessor) != 0) return false;
  *out = o->slot(static_cast<std::uint32_t>(slot));
  return true;
}

// obj[key] = v for an own writable data property named by a string or
// symbol key: the value is stored in place. False: take the generic path.
static bool set_own_data_property(Object* o, PropertyKey key, Value v) {
  if (key.is_index() || o->klass() == ObjectClass::kArray) return false;
  constexpr std::uint8_t kMask = attr::kAccessor | attr::kWritable;
  if (o->shape()->is_dictionary()) {
    Property* p = o->dict()->find(key);
    if (p == nullptr || (p->attrs & kMask) != attr::kWritable) return false;
    p->value = v;
    return true;
  }
  std::uint8_t attrs;
  std::int32_t slot = o->shape()->lookup(key, &attrs);
  if (slot < 0 || (attrs & kMask) != attr::kWritable) return false;
  o->set_slot(static_cast<std::uint32_t>(slot), v);
  return true;
}

// ---- kept beside the loop ----
// copy_data_properties and unwind are defined here, and callee_text
// (vm/call.h) inline, so that GCC 12 sees them when it compiles
// VM::execute: it allocates the loop's registers by how often each value is
// used in the whole function, and with the three compiled elsewhere it stops
// keeping the dispatch table or `this` in a register, one to three
// instructions more per dispatch (bench-check: js/intArithmetic +0.8%,
// js/mathOps +1.3%).

// Copies own enumerable properties of `src` onto `dst` (CopyDataProperties,
// 7.3.25), skipping the `excluded` keys.
void VM::copy_data_properties(Object* dst, Value src, const Value* excluded, std::uint32_t n) {
  if (src.is_nullish()) return;
  Rooted rd(*this, Value::object(dst));
  Rooted rs(*this, Value::object(to_object(src)));
  std::vector<PropertyKey> keys;
  own_keys(rs.object(), keys, true, true);
  for (PropertyKey k : keys) {
    bool skip = false;
    for (std::uint32_t i = 0; i < n; ++i) {
      if (to_property_key(excluded[i]) == k) {
        skip = true;
        break;
      }
    }
    if (skip) continue;
    Property p;
    if (!get_own_property(rs.object(), k, &p) || !(p.attrs & attr::kEnumerable)) continue;
    Value v = get(rs.object(), k);
    create_data_property(rd.object(), k, v);
  }
}

// Finds a handler for the pending exception in frames above `entry`
// (inclusive). On success the frame stack is cut to the handler's frame.
bool VM::unwind(std::size_t entry) {
  if (terminating_) {
    while (frames_.size() > entry) {
      stack_top_ = frames_.back().stack_base;
      frames_.pop_back();
    }
    return false;
  }
  bool top = true;
  while (frames_.size() > entry) {
    Frame& f = frames_.back();
    auto off = static_cast<std::uint32_t>(f.pc - f.tmpl->code.data());
    if (!top) off -= 1;  // a caller's pc is its return address
    top = false;
    for (const ExceptionHandler& h : f.tmpl->handlers) {
      if (off >= h.start && off < h.end) {
        f.regs[h.reg] = take_pending_exception();
        f.pc = f.tmpl->code.data() + h.target;
        // A frame with heap registers takes no register stack.
        stack_top_ = f.stack_base == f.regs ? f.regs + f.tmpl->num_registers : f.stack_base;
        return true;
      }
    }
    stack_top_ = f.stack_base;
    frames_.pop_back();
  }
  return false;
}

Value VM::execute(std::size_t entry) {
  // A handler whose locals have destructors (a Rooted) keeps them in a block
  // that closes before NEXT or DISPATCH: GCC 12 runs no destructors when
  // `goto *` leaves their scope (GCC bug 37722), and clang rejects the jump.
#if KITE_OPT_COMPUTED_GOTO
  static void* const kLabels[] = {
#define KITE_LABEL(name, fmt) &&L_##name,
      KITE_OPCODES(KITE_LABEL)
#undef KITE_LABEL
  };
#define CASE(name) L_##name:
// NOLINTNEXTLINE(bugprone-macro-parentheses): a statement (goto *), not an expression
#define DISPATCH() goto* kLabels[*pc]
#else
#define CASE(name) case Op::k##name:
#define DISPATCH() goto dispatch
#endif
#define R(i) regs[pc[i]]
#define NEXT(n) \
  do {          \
    pc += (n);  \
    DISPATCH(); \
  } while (0)
#define TARGET(i) \
  (code + (static_cast<std::uint32_t>(pc[i]) | (static_cast<std::uint32_t>(pc[(i) + 1]) << 16)))
// A taken conditional branch; backward ones (loop back-edges) poll for an
// interrupt, as Jmp does.
#define TAKE_BRANCH(i)                                                          \
  do {                                                                          \
    const std::uint16_t* to = TARGET(i);                                        \
    if (to <= pc && interrupt_requested.load(std::memory_order_relaxed) != 0) { \
      SAVE_PC();                                                                \
      handle_interrupt();                                                       \
    }                                                                           \
    pc = to;                                                                    \
    DISPATCH();                                                                 \
  } while (0)
#define LOAD_FRAME()               \
  do {                             \
    f = &frames_.back();           \
    regs = f->regs;                \
    pc = f->pc;                    \
    code = f->tmpl->code.data();   \
    K = f->tmpl->constants.data(); \
    ICS = f->tmpl->ics.data();     \
  } while (0)
#define SAVE_PC() (f->pc = pc)

  Frame* f;
  Value* regs;
  const std::uint16_t* pc;
  const std::uint16_t* code;
  const Value* K;
  InlineCache* ICS;
  Value result;
  LOAD_FRAME();

  for (;;) {
    try {
#if !KITE_OPT_COMPUTED_GOTO
    dispatch:
      switch (static_cast<Op>(*pc)) {
#else
      DISPATCH();
#endif
        CASE(Mov) {
          R(1 - 0) = R(2);
          NEXT(3);
        }
        CASE(LoadK) {
          R(1) = K[pc[2]];
          NEXT(3);
        }
        CASE(LoadI) {
          R(1) = Value::int32(static_cast<std::int16_t>(pc[2]));
          NEXT(3);
        }
        CASE(LoadUndef) {
          R(1) = Value::undefined();
          NEXT(2);
        }
        CASE(LoadGlobalThis) {
          R(1) = Value::object(global_);
          NEXT(2);
        }
        CASE(LoadNull) {
          R(1) = Value::null();
          NEXT(2);
        }
        CASE(LoadTrue) {
          R(1) = Value::boolean(true);
          NEXT(2);
        }
        CASE(LoadFalse) {
          R(1) = Value::boolean(false);
          NEXT(2);
        }
        CASE(LoadHole) {
          R(1) = Value::hole();
          NEXT(2);
        }
        CASE(CheckTdz) {
          if (R(1).is_hole()) {
            SAVE_PC();
            throw_error(
                ErrorType::kReferenceError,
                "Cannot access '" + K[pc[2]].as_string()->to_utf8() + "' before initialization");
          }
          NEXT(3);
        }
        CASE(CheckThis) {
          if (R(1).is_hole()) {
            SAVE_PC();
            throw_error(ErrorType::kReferenceError,
                        "Must call super constructor in derived class before accessing 'this' or "
                        "returning from derived constructor");
          }
          NEXT(2);
        }
        CASE(ThrowConstAssign) {
          SAVE_PC();
          throw_type_error("Assignment to constant variable.");
        }
        CASE(PushEnv) {
          SAVE_PC();
          f->env = new_environment(f->env, pc[1]);
          NEXT(2);
        }
        CASE(PopEnv) {
          f->env = f->env->parent;
          NEXT(1);
        }
        CASE(CopyEnv) {
          SAVE_PC();
          {  // its own block: see the top of execute()
            Environment* old = f->env;
            Rooted ro(*this, Value::cell(old));
            Environment* e = new_environment(old->parent, old->size);
            old = static_cast<Environment*>(ro.get().as_cell());
            for (std::uint32_t i = 0; i < old->size; ++i) e->slots[i] = old->slots[i];
            f->env = e;
          }
          NEXT(1);
        }
        CASE(GetEnv) {
          R(1) = f->env != nullptr ? Value::cell(f->env) : Value::undefined();
          NEXT(2);
        }
        CASE(SetEnv) {
          Value v = R(1);
          f->env = v.is_undefined() ? nullptr : static_cast<Environment*>(v.as_cell());
          NEXT(2);
        }
        CASE(LdEnv) {
          Environment* e = f->env;
          for (std::uint16_t d = pc[2]; d > 0; --d) e = e->parent;
          R(1) = e->slots[pc[3]];
          NEXT(4);
        }
        CASE(LdEnvChecked) {
          Environment* e = f->env;
          for (std::uint16_t d = pc[2]; d > 0; --d) e = e->parent;
          Value v = e->slots[pc[3]];
          if (v.is_hole()) {
            SAVE_PC();
            throw_error(
                ErrorType::kReferenceError,
                "Cannot access '" + K[pc[4]].as_string()->to_utf8() + "' before initialization");
          }
          R(1) = v;
          NEXT(5);
        }
        CASE(StEnv) {
          Environment* e = f->env;
          for (std::uint16_t d = pc[1]; d > 0; --d) e = e->parent;
          e->slots[pc[2]] = R(3);
          NEXT(4);
        }
        CASE(StEnvChecked) {
          Environment* e = f->env;
          for (std::uint16_t d = pc[1]; d > 0; --d) e = e->parent;
          if (e->slots[pc[2]].is_hole()) {
            SAVE_PC();
            throw_error(
                ErrorType::kReferenceError,
                "Cannot access '" + K[pc[4]].as_string()->to_utf8() + "' before initialization");
          }
          e->slots[pc[2]] = R(3);
          NEXT(5);
        }
        CASE(LdGlobal) {
          InlineCache& ic = ICS[pc[3]];
          Object* g = global_;
#if KITE_OPT_INLINE_CACHE
          if (ic.entries[0].shape == g->shape()) {
            counters_.ic_hits++;
            R(1) = g->slot(ic.entries[0].slot);
            NEXT(4);
          }
#endif
          SAVE_PC();
          R(1) = load_global(K[pc[2]].as_string(), ic, true);
          NEXT(4);
        }
        CASE(LdGlobalOrUndef) {
          SAVE_PC();
          Value v;
          if (!lookup_global(K[pc[2]].as_string(), &v)) v = Value::undefined();
          R(1) = v;
          NEXT(3);
        }
        CASE(StGlobal) {
          SAVE_PC();
          store_global(K[pc[1]].as_string(), R(2), ICS[pc[3]]);
          NEXT(4);
        }
        CASE(DeclGlobalVar) {
          SAVE_PC();
          PropertyKey k = PropertyKey::atom(K[pc[1]].as_string());
          if (!has_own_property(global_, k)) {
            define_own_property(global_, k, Value::undefined(),
                                attr::kWritable | attr::kEnumerable);
          }
          NEXT(2);
        }
        CASE(DeclGlobalFunc) {
          SAVE_PC();
          PropertyKey k = PropertyKey::atom(K[pc[1]].as_string());
          define_own_property(global_, k, R(2), attr::kWritable | attr::kEnumerable);
          NEXT(3);
        }
        CASE(DeclGlobalLex) {
          SAVE_PC();
          declare_global_lexical(K[pc[1]].as_string(), f->env, pc[2], pc[3] != 0);
          NEXT(4);
        }
        CASE(LoadCallee) {
          R(1) = Value::object(f->callee);
          NEXT(2);
        }
        CASE(GetProp) {
          Value obj = R(2);
          InlineCache& ic = ICS[pc[4]];
#if KITE_OPT_INLINE_CACHE
          if (obj.is_object()) {
            Object* o = obj.as_object();
            Shape* s = o->shape();
            // Monomorphic own-property hit first: the common case.
            if (ic.entries[0].shape == s && ic.entries[0].holder == nullptr) {
              counters_.ic_hits++;
              R(1) = o->slot(ic.entries[0].slot);
              NEXT(5);
            }
            for (const ICEntry& e : ic.entries) {
              if (e.shape != s) continue;
              if (e.holder == nullptr) {
                counters_.ic_hits++;
                R(1) = o->slot(e.slot);
                NEXT(5);
              }
              if (e.holder->shape() == e.holder_shape &&
                  (e.mid_shape == nullptr || s->proto()->shape() == e.mid_shape)) {
                counters_.ic_hits++;
                R(1) = e.holder->slot(e.slot);
                NEXT(5);
              }
              break;
            }
          } else if (obj.is_string()) {
            Object* sp = intrinsics_.string_prototype;
            const ICEntry& e = ic.entries[0];
            if (e.shape == sp->shape() && e.holder == nullptr) {
              counters_.ic_hits++;
              R(1) = sp->slot(e.slot);
              NEXT(5);
            }
            SAVE_PC();
            PropertyKey k = PropertyKey::atom(K[pc[3]].as_string());
            if (!sp->shape()->is_dictionary() && !ic.megamorphic) {
              std::uint8_t attrs;
              std::int32_t slot = sp->shape()->lookup(k, &attrs);
              if (slot >= 0 && !(attrs & attr::kAccessor)) {
                ICEntry ne;
                ne.shape = sp->shape();
                ne.slot = static_cast<std::uint32_t>(slot);
                ic.entries[0] = ne;
              }
            }
            R(1) = get_value(obj, k);
            NEXT(5);
          }
#endif
          SAVE_PC();
          Value v = get_prop_slow(*this, obj, PropertyKey::atom(K[pc[3]].as_string()), ic);
          regs = f->regs;
          R(1) = v;
          NEXT(5);
        }
        CASE(GetLength) {
          Value obj = R(2);
          if (obj.is_object() && obj.as_object()->is_array()) {
            R(1) = Value::number(obj.as_object()->array_length());
            NEXT(4);
          }
          if (obj.is_string()) {
            R(1) = Value::int32(static_cast<std::int32_t>(obj.as_string()->length()));
            NEXT(4);
          }
          InlineCache& ic = ICS[pc[3]];
#if KITE_OPT_INLINE_CACHE
          if (obj.is_object()) {
            Object* o = obj.as_object();
            const ICEntry& e = ic.entries[0];
            if (e.shape == o->shape() && e.holder == nullptr) {
              counters_.ic_hits++;
              R(1) = o->slot(e.slot);
              NEXT(4);
            }
          }
#endif
          SAVE_PC();
          Value v = get_prop_slow(*this, obj, PropertyKey::atom(atoms_.length), ic);
          R(1) = v;
          NEXT(4);
        }
        CASE(SetProp) {
          Value obj = R(1);
          InlineCache& ic = ICS[pc[4]];
#if KITE_OPT_INLINE_CACHE
          if (obj.is_object()) {
            Object* o = obj.as_object();
            Shape* s = o->shape();
            for (const ICEntry& e : ic.entries) {
              if (e.shape != s) continue;
              if (e.new_shape == nullptr) {
                counters_.ic_hits++;
                o->set_slot(e.slot, R(3));
                NEXT(5);
              }
              if (e.slot < o->slot_capacity()) {
                counters_.ic_hits++;
                o->set_slot(e.slot, R(3));
                o->set_shape(e.new_shape);
                NEXT(5);
              }
              break;
            }
          }
#endif
          SAVE_PC();
          set_prop_slow(*this, obj, PropertyKey::atom(K[pc[2]].as_string()), R(3), ic, false);
          NEXT(5);
        }
        CASE(DefineField) {
          Value obj = R(1);
          InlineCache& ic = ICS[pc[4]];
#if KITE_OPT_INLINE_CACHE
          Object* o = obj.as_object();
          const ICEntry& e = ic.entries[0];
          if (e.shape == o->shape() && e.new_shape != nullptr && e.slot < o->slot_capacity()) {
            counters_.ic_hits++;
            o->set_slot(e.slot, R(3));
            o->set_shape(e.new_shape);
            NEXT(5);
          }
#endif
          SAVE_PC();
          set_prop_slow(*this, obj, PropertyKey::atom(K[pc[2]].as_string()), R(3), ic, true);
          NEXT(5);
        }
        CASE(GetElem) {
          Value obj = R(2);
          Value key = R(3);
          if (obj.is_object() && key.is_int32()) {
            Object* o = obj.as_object();
            auto i = static_cast<std::uint32_t>(key.as_int32());
            if (i < o->element_count()) {
              Value v = o->elements()[i];
              if (!v.is_hole()) {
                R(1) = v;
                NEXT(4);
              }
            }
            if (o->klass() == ObjectClass::kTypedArray) {
              auto* ta = static_cast<TypedArrayObject*>(o);
              if (i < ta->live_length() && !is_bigint_kind(ta->kind)) {
                R(1) = load_element(ta->kind, ta->bytes() + std::size_t{i} * ta->element_bytes());
                NEXT(4);
              }
            }
          } else if (obj.is_string() && key.is_int32()) {
            String* s = obj.as_string();
            auto i = static_cast<std::uint32_t>(key.as_int32());
            if (i < s->length() && !s->is_rope()) {
              R(1) = Value::string(single_char(s->at(i)));
              NEXT(4);
            }
          }
          SAVE_PC();
          Value v;
          if (obj.is_nullish()) {
            // The base is checked before the key is converted (a key
            // object's toString is not called).
            if (key.is_object()) throw_nullish_base(obj, false);
            v = get_value(obj, to_property_key(key));
          } else {
            PropertyKey k = to_property_key(key);
            if (!R(2).is_object() || !get_own_data_property(R(2).as_object(), k, &v)) {
              v = get_value(R(2), k);
            }
          }
          R(1) = v;
          NEXT(4);
        }
        CASE(SetElem) {
          Value obj = R(1);
          Value key = R(2);
          if (obj.is_object() && key.is_int32()) {
            Object* o = obj.as_object();
            auto i = static_cast<std::uint32_t>(key.as_int32());
            if ((o->flags() & Object::kElementsFrozen) == 0) {
              if (i < o->element_count() && !o->elements()[i].is_hole()) {
                o->elements()[i] = R(3);
                NEXT(4);
              }
              if (i == o->element_count() && i < o->element_capacity() && o->is_extensible() &&
                  !o->has_sparse() && o->klass() != ObjectClass::kString &&
                  o->klass() != ObjectClass::kArguments) {
                o->elements()[i] = R(3);
                set_elements_length(o, i + 1);
                NEXT(4);
              }
            }
            if (o->klass() == ObjectClass::kTypedArray && R(3).is_number()) {
              auto* ta = static_cast<TypedArrayObject*>(o);
              if (i < ta->live_length() && !is_bigint_kind(ta->kind)) {
                std::uint8_t* p = ta->bytes() + std::size_t{i} * ta->element_bytes();
                if (R(3).is_int32()) {
                  store_element_int(ta->kind, p, R(3).as_int32());
                } else {
                  store_element(ta->kind, p, R(3).as_double());
                }
                NEXT(4);
              }
            }
          }
          SAVE_PC();
          if (obj.is_nullish()) {
            if (key.is_object()) throw_nullish_base(obj, true);
            set_value(obj, to_property_key(key), R(3));
          } else {
            PropertyKey k = to_property_key(key);
            if (!R(1).is_object() || !set_own_data_property(R(1).as_object(), k, R(3))) {
              set_value(R(1), k, R(3));
            }
          }
          NEXT(4);
        }
        CASE(DelProp) {
          SAVE_PC();
          Value obj = R(2);
          if (obj.is_nullish()) {
            throw_type_error("Cannot convert undefined or null to object");
          }
          PropertyKey k = to_property_key(R(3));
          if (obj.is_object()) {
            if (!delete_property(R(2).as_object(), k)) {
              Value kv = key_to_value(k);
              throw_type_error(
                  "Cannot delete property '" +
                  (kv.is_string() ? kv.as_string()->to_utf8() : describe(k.as_value())) + "' of " +
                  describe(R(2)));
            }
          }
          R(1) = Value::boolean(true);
          NEXT(4);
        }
        CASE(GetSuper) {
          SAVE_PC();
          R(1) = super_property(f, R(2), nullptr);
          NEXT(3);
        }
        CASE(SetSuper) {
          SAVE_PC();
          super_property(f, R(1), &R(2));
          NEXT(3);
        }
        CASE(DefineElem) {
          SAVE_PC();
          PropertyKey k = to_property_key(R(2));
          create_data_property(R(1).as_object(), k, R(3));
          NEXT(4);
        }
        CASE(DefineGetter) {
          SAVE_PC();
          define_accessor_part(R(1).as_object(), to_property_key(R(2)), R(3), true, pc[4] != 0);
          NEXT(5);
        }
        CASE(DefineSetter) {
          SAVE_PC();
          define_accessor_part(R(1).as_object(), to_property_key(R(2)), R(3), false, pc[4] != 0);
          NEXT(5);
        }
        CASE(DefineMethod) {
          SAVE_PC();
          PropertyKey k = to_property_key(R(2));
          define_own_property(R(1).as_object(), k, R(3), attr::kHidden);
          NEXT(4);
        }
        CASE(CopyProps) {
          SAVE_PC();
          copy_data_properties(R(1).as_object(), R(2), nullptr, 0);
          NEXT(3);
        }
        CASE(CopyPropsExcept) {
          SAVE_PC();
          Object* o = new_object();
          R(1) = Value::object(o);
          copy_data_properties(R(1).as_object(), R(2), &regs[pc[3]], pc[4]);
          NEXT(5);
        }
        CASE(NewObject) {
          SAVE_PC();
          R(1) = Value::object(new_object());
          NEXT(2);
        }
        CASE(NewRegExp) {
          SAVE_PC();
          R(1) = Value::object(new_regexp(K[pc[2]].as_string(), K[pc[3]].as_string()));
          NEXT(4);
        }
        CASE(NewArray) {
          SAVE_PC();
          R(1) = Value::object(new_array(pc[2]));
          NEXT(3);
        }
        CASE(ArrayPush) {
          SAVE_PC();
          array_push(R(1).as_object(), R(2));
          NEXT(3);
        }
        CASE(ArrayHole) {
          SAVE_PC();
          Object* a = R(1).as_object();
          set_array_length(a, a->array_length() + 1);
          NEXT(2);
        }
        CASE(ArraySpread) {
          SAVE_PC();
          {  // its own block: see the top of execute()
            Rooted it(*this, get_iterator(*this, R(2), callee_text(f->tmpl, pc)));
            Value v;
            while (iterator_step(it.get(), &v)) {
              array_push(frames_.back().regs[pc[1]].as_object(), v);
            }
          }
          NEXT(3);
        }
        CASE(NewClosure) {
          SAVE_PC();
          auto* t = static_cast<FunctionTemplate*>(K[pc[2]].as_cell());
          JSFunction* fn = new_closure(t, f->env);
          if (t->has(FunctionTemplate::kArrow)) fn->home_object = f->callee->home_object;
          R(1) = Value::object(fn);
          NEXT(3);
        }
        CASE(NewClass) {
          SAVE_PC();
          make_class(f, pc);
          NEXT(5);
        }
        CASE(SetFunctionName) {
          SAVE_PC();
          set_function_name(R(1), R(2));
          NEXT(3);
        }
        CASE(SetHome) {
          Value fn = R(1);
          if (fn.is_object() && fn.as_object()->klass() == ObjectClass::kFunction) {
            static_cast<JSFunction*>(fn.as_object())->home_object = R(2);
          }
          NEXT(3);
        }
        CASE(SetFields) {
          static_cast<JSFunction*>(R(1).as_object())->fields = R(2);
          NEXT(3);
        }
        CASE(InitFields) {
          SAVE_PC();
          Value init = f->callee->fields;
          if (init.is_object()) call(init, regs[0], {});
          NEXT(1);
        }
        CASE(CreateArguments) {
          SAVE_PC();
          R(1) = create_arguments(*this, f->argv, f->argc);
          NEXT(2);
        }
        CASE(CreateRest) {
          SAVE_PC();
          std::uint32_t start = pc[2];
          std::uint32_t n = f->argc > start ? f->argc - start : 0;
          Object* a = new_array(n);
          for (std::uint32_t i = 0; i < n; ++i) a->elements()[i] = f->argv[start + i];
          set_elements_length(a, n);
          R(1) = Value::object(a);
          NEXT(3);
        }
        CASE(NewPrivateName) {
          SAVE_PC();
          R(1) = new_private_name(K[pc[2]]);
          NEXT(3);
        }
        CASE(GetPrivate) {
          // A data element (field or method) of a shape seen before.
          Value o = R(2);
          ICEntry& e = ICS[pc[4]].entries[0];
          if (o.is_object() && o.as_object()->shape() == e.shape && R(3).as_cell() == e.key) {
            R(1) = o.as_object()->slot(e.slot);
            NEXT(5);
          }
          SAVE_PC();
          R(1) = private_get(R(2), R(3), &ICS[pc[4]]);
          NEXT(5);
        }
        CASE(SetPrivate) {
          // A field of a shape seen before.
          Value o = R(1);
          ICEntry& e = ICS[pc[4]].entries[0];
          if (o.is_object() && o.as_object()->shape() == e.shape && R(2).as_cell() == e.key) {
            o.as_object()->set_slot(e.slot, R(3));
            NEXT(5);
          }
          SAVE_PC();
          private_set(R(1), R(2), R(3), &ICS[pc[4]]);
          NEXT(5);
        }
        CASE(DefinePrivate) {
          SAVE_PC();
          private_define(R(1), R(2), R(3), pc[4] != 0);
          NEXT(5);
        }
        CASE(DefinePrivateAccessor) {
          SAVE_PC();
          private_define_accessor(R(1), R(2), R(3), R(4));
          NEXT(5);
        }
        CASE(HasPrivate) {
          SAVE_PC();
          R(1) = Value::boolean(private_has(R(2), R(3)));
          NEXT(4);
        }
        CASE(ToPropertyKey) {
          SAVE_PC();
          Value k = R(2);
          if (!k.is_int32() && !k.is_string() && !k.is_symbol()) {
            PropertyKey pk = to_property_key(k);
            k = pk.is_symbol() ? pk.as_value() : key_to_value(pk);
          }
          R(1) = k;
          NEXT(3);
        }
        CASE(Add) {
          Value a = R(2), b = R(3);
          if (both_int(a, b)) {
            std::int64_t r = static_cast<std::int64_t>(a.as_int32()) + b.as_int32();
            R(1) = Value::number(r);
            NEXT(4);
          }
          if (a.is_number() && b.is_number()) {
            R(1) = Value::number(a.as_number() + b.as_number());
            NEXT(4);
          }
          SAVE_PC();
          Value r = add(a, b);
          R(1) = r;
          NEXT(4);
        }
        CASE(Sub) {
          Value a = R(2), b = R(3);
          if (both_int(a, b)) {
            R(1) = Value::number(static_cast<std::int64_t>(a.as_int32()) - b.as_int32());
            NEXT(4);
          }
          if (a.is_number() && b.is_number()) {
            R(1) = Value::number(a.as_number() - b.as_number());
            NEXT(4);
          }
          SAVE_PC();
          R(1) = numeric_op(NumericOp::kSub, a, R(3));
          NEXT(4);
        }
        CASE(Mul) {
          Value a = R(2), b = R(3);
          if (both_int(a, b)) {
            std::int64_t r = static_cast<std::int64_t>(a.as_int32()) * b.as_int32();
            if (r != 0 || (a.as_int32() >= 0 && b.as_int32() >= 0)) {
              R(1) = Value::number(r);
              NEXT(4);
            }
          }
          if (a.is_number() && b.is_number()) {
            R(1) = Value::number(a.as_number() * b.as_number());
            NEXT(4);
          }
          SAVE_PC();
          R(1) = numeric_op(NumericOp::kMul, a, R(3));
          NEXT(4);
        }
        CASE(Div) {
          Value a = R(2), b = R(3);
          if (a.is_number() && b.is_number()) {
            R(1) = Value::number(a.as_number() / b.as_number());
            NEXT(4);
          }
          SAVE_PC();
          R(1) = numeric_op(NumericOp::kDiv, a, R(3));
          NEXT(4);
        }
        CASE(Mod) {
          Value a = R(2), b = R(3);
          if (both_int(a, b) && a.as_int32() >= 0 && b.as_int32() > 0) {
            R(1) = Value::int32(a.as_int32() % b.as_int32());
            NEXT(4);
          }
          if (a.is_number() && b.is_number()) {
            R(1) = Value::number(std::fmod(a.as_number(), b.as_number()));
            NEXT(4);
          }
          SAVE_PC();
          R(1) = numeric_op(NumericOp::kMod, a, R(3));
          NEXT(4);
        }
        CASE(Exp) {
          SAVE_PC();
          R(1) = numeric_op(NumericOp::kExp, R(2), R(3));
          NEXT(4);
        }
#define KITE_BITOP(name, op, expr)             \
  CASE(name) {                                 \
    Value a = R(2), b = R(3);                  \
    if (a.is_int32() && b.is_int32()) {        \
      std::int32_t x = a.as_int32();           \
      std::int32_t y = b.as_int32();           \
      R(1) = expr;                             \
      NEXT(4);                                 \
    }                                          \
    SAVE_PC();                                 \
    R(1) = numeric_op(NumericOp::op, a, R(3)); \
    NEXT(4);                                   \
  }
        KITE_BITOP(BitAnd, kAnd, Value::int32(x & y))
        KITE_BITOP(BitOr, kOr, Value::int32(x | y))
        KITE_BITOP(BitXor, kXor, Value::int32(x ^ y))
        KITE_BITOP(
            Shl, kShl,
            Value::int32(static_cast<std::int32_t>(static_cast<std::uint32_t>(x) << (y & 31))))
        KITE_BITOP(Shr, kShr, Value::int32(x >> (y & 31)))
        KITE_BITOP(UShr, kUShr, Value::number(static_cast<std::uint32_t>(x) >> (y & 31)))
#undef KITE_BITOP
        CASE(Eq) {
          Value a = R(2), b = R(3);
          if (both_int(a, b)) {
            R(1) = Value::boolean(a == b);
            NEXT(4);
          }
          SAVE_PC();
          R(1) = Value::boolean(loose_equals(a, b));
          NEXT(4);
        }
        CASE(Ne) {
          Value a = R(2), b = R(3);
          if (both_int(a, b)) {
            R(1) = Value::boolean(a != b);
            NEXT(4);
          }
          SAVE_PC();
          R(1) = Value::boolean(!loose_equals(a, b));
          NEXT(4);
        }
        CASE(StrictEq) {
          Value a = R(2), b = R(3);
          R(1) = Value::boolean(a == b ? !(a.is_double() && a.as_double() != a.as_double())
                                       : strict_equals(a, b));
          NEXT(4);
        }
        CASE(StrictNe) {
          Value a = R(2), b = R(3);
          R(1) = Value::boolean(
              !(a == b ? !(a.is_double() && a.as_double() != a.as_double()) : strict_equals(a, b)));
          NEXT(4);
        }
#define KITE_CMP(name, op, swap, negate_undef)                       \
  CASE(name) {                                                       \
    Value a = R(2), b = R(3);                                        \
    if (both_int(a, b)) {                                            \
      R(1) = Value::boolean(a.as_int32() op b.as_int32());           \
      NEXT(4);                                                       \
    }                                                                \
    if (a.is_number() && b.is_number()) {                            \
      R(1) = Value::boolean(a.as_number() op b.as_number());         \
      NEXT(4);                                                       \
    }                                                                \
    SAVE_PC();                                                       \
    int r = (swap) ? less_than(b, a, false) : less_than(a, b, true); \
    R(1) = Value::boolean((negate_undef) ? (r == 0) : (r == 1));     \
    NEXT(4);                                                         \
  }
        KITE_CMP(Lt, <, false, false)
        KITE_CMP(Gt, >, true, false)
        KITE_CMP(Le, <=, true, true)
        KITE_CMP(Ge, >=, false, true)
#undef KITE_CMP
        CASE(InstanceOf) {
          SAVE_PC();
          R(1) = Value::boolean(instance_of(R(2), R(3)));
          NEXT(4);
        }
        CASE(In) {
          SAVE_PC();
          Value obj = R(3);
          if (!obj.is_object()) {
            throw_type_error("Cannot use 'in' operator to search for '" +
                             (R(2).is_symbol() ? describe(R(2)) : to_string(R(2))->to_utf8()) +
                             "' in " + describe(obj));
          }
          PropertyKey k = to_property_key(R(2));
          R(1) = Value::boolean(has_property(R(3).as_object(), k));
          NEXT(4);
        }
        CASE(AddI) {
          Value a = R(2);
          auto imm = static_cast<std::int16_t>(pc[3]);
          if (a.is_int32()) {
            R(1) = Value::number(static_cast<std::int64_t>(a.as_int32()) + imm);
            NEXT(4);
          }
          SAVE_PC();
          R(1) = add(a, Value::int32(imm));
          NEXT(4);
        }
        // Arithmetic with a number constant on the right (KITE_OPT_CONST_OPERANDS):
        // the same semantics as the register forms above.
        CASE(AddK) {
          Value a = R(2), b = K[pc[3]];
          if (both_int(a, b)) {
            R(1) = Value::number(static_cast<std::int64_t>(a.as_int32()) + b.as_int32());
            NEXT(4);
          }
          if (a.is_number()) {
            R(1) = Value::number(a.as_number() + b.as_number());
            NEXT(4);
          }
          SAVE_PC();
          R(1) = add(a, b);
          NEXT(4);
        }
        CASE(SubK) {
          Value a = R(2), b = K[pc[3]];
          if (both_int(a, b)) {
            R(1) = Value::number(static_cast<std::int64_t>(a.as_int32()) - b.as_int32());
            NEXT(4);
          }
          if (a.is_number()) {
            R(1) = Value::number(a.as_number() - b.as_number());
            NEXT(4);
          }
          SAVE_PC();
          R(1) = Value::number(to_number(a) - b.as_number());
          NEXT(4);
        }
        CASE(MulK) {
          Value a = R(2), b = K[pc[3]];
          if (both_int(a, b)) {
            std::int64_t r = static_cast<std::int64_t>(a.as_int32()) * b.as_int32();
            if (r != 0 || (a.as_int32() >= 0 && b.as_int32() >= 0)) {
              R(1) = Value::number(r);
              NEXT(4);
            }
          }
          if (a.is_number()) {
            R(1) = Value::number(a.as_number() * b.as_number());
            NEXT(4);
          }
          SAVE_PC();
          R(1) = Value::number(to_number(a) * b.as_number());
          NEXT(4);
        }
        CASE(DivK) {
          Value a = R(2), b = K[pc[3]];
          if (a.is_number()) {
            R(1) = Value::number(a.as_number() / b.as_number());
            NEXT(4);
          }
          SAVE_PC();
          R(1) = Value::number(to_number(a) / b.as_number());
          NEXT(4);
        }
        CASE(ModK) {
          Value a = R(2), b = K[pc[3]];
          if (both_int(a, b) && a.as_int32() >= 0 && b.as_int32() > 0) {
#if KITE_OPT_FAST_MOD
            std::uint64_t m;
            std::memcpy(&m, pc + 4, sizeof m);
            if (m != 0) {
              // Lemire, Kaser, Kurz: the low 64 bits of m * a scaled by d.
              std::uint64_t low = m * static_cast<std::uint32_t>(a.as_int32());
              auto r = static_cast<std::uint32_t>((static_cast<unsigned __int128>(low) *
                                                   static_cast<std::uint32_t>(b.as_int32())) >>
                                                  64);
              R(1) = Value::int32(static_cast<std::int32_t>(r));
              NEXT(8);
            }
#endif
            R(1) = Value::int32(a.as_int32() % b.as_int32());
            NEXT(8);
          }
          if (a.is_number()) {
            R(1) = Value::number(std::fmod(a.as_number(), b.as_number()));
            NEXT(8);
          }
          SAVE_PC();
          R(1) = Value::number(std::fmod(to_number(a), b.as_number()));
          NEXT(8);
        }
        CASE(Neg) {
          Value a = R(2);
          if (a.is_int32() && a.as_int32() != 0 && a.as_int32() != INT32_MIN) {
            R(1) = Value::int32(-a.as_int32());
            NEXT(3);
          }
          SAVE_PC();
          R(1) = numeric_unary(NumericUnary::kNeg, a);
          NEXT(3);
        }
        CASE(ToNumber) {
          Value a = R(2);
          if (a.is_number()) {
            R(1) = a;
            NEXT(3);
          }
          SAVE_PC();
          R(1) = Value::number(to_number(a));
          NEXT(3);
        }
        CASE(ToNumeric) {
          Value a = R(2);
          if (a.is_number()) {
            R(1) = a;
            NEXT(3);
          }
          SAVE_PC();
          R(1) = numeric_unary(NumericUnary::kToNumeric, a);
          NEXT(3);
        }
        CASE(Not) {
          R(1) = Value::boolean(!to_boolean(R(2)));
          NEXT(3);
        }
        CASE(BitNot) {
          Value a = R(2);
          if (a.is_int32()) {
            R(1) = Value::int32(~a.as_int32());
            NEXT(3);
          }
          SAVE_PC();
          R(1) = numeric_unary(NumericUnary::kBitNot, a);
          NEXT(3);
        }
        CASE(TypeOf) {
          R(1) = type_of(R(2));
          NEXT(3);
        }
        CASE(Inc) {
          Value a = R(2);
          if (a.is_int32() && a.as_int32() != INT32_MAX) {
            R(1) = Value::int32(a.as_int32() + 1);
            NEXT(3);
          }
          SAVE_PC();
          R(1) = numeric_unary(NumericUnary::kInc, a);
          NEXT(3);
        }
        CASE(Dec) {
          Value a = R(2);
          if (a.is_int32() && a.as_int32() != INT32_MIN) {
            R(1) = Value::int32(a.as_int32() - 1);
            NEXT(3);
          }
          SAVE_PC();
          R(1) = numeric_unary(NumericUnary::kDec, a);
          NEXT(3);
        }
        CASE(ToString) {
          Value a = R(2);
          if (a.is_string()) {
            R(1) = a;
            NEXT(3);
          }
          SAVE_PC();
          R(1) = Value::string(to_string(a));
          NEXT(3);
        }
        CASE(Concat) {
          SAVE_PC();
          String* joined = concat_many(&regs[pc[2]], pc[3]);
          R(1) = Value::string(joined);
          NEXT(4);
        }
        CASE(Jmp) {
          if (interrupt_requested.load(std::memory_order_relaxed) != 0) {
            SAVE_PC();
            handle_interrupt();
          }
          pc = TARGET(1);
          DISPATCH();
        }
        CASE(JmpTrue) {
          if (to_boolean(R(1))) TAKE_BRANCH(2);
          NEXT(4);
        }
        CASE(JmpFalse) {
          if (!to_boolean(R(1))) TAKE_BRANCH(2);
          NEXT(4);
        }
        CASE(JmpNullish) {
          if (R(1).is_nullish()) {
            pc = TARGET(2);
            DISPATCH();
          }
          NEXT(4);
        }
        CASE(JmpNotNullish) {
          if (!R(1).is_nullish()) {
            pc = TARGET(2);
            DISPATCH();
          }
          NEXT(4);
        }
        CASE(JmpUndef) {
          if (R(1).is_undefined()) {
            pc = TARGET(2);
            DISPATCH();
          }
          NEXT(4);
        }
        CASE(JmpNotHole) {
          if (!R(1).is_hole()) {
            pc = TARGET(2);
            DISPATCH();
          }
          NEXT(4);
        }
// Fused compare-and-branch. B is the right operand: a register, or an int16
// immediate (the int32 test on it then folds away). NEGATE jumps when the
// comparison is false, NaN included.
#define KITE_JCMP(name, B, swap, negate_undef, negate, op)             \
  CASE(name) {                                                         \
    Value a = R(1), b = (B);                                           \
    bool taken;                                                        \
    if (both_int(a, b)) {                                              \
      taken = a.as_int32() op b.as_int32();                            \
    } else if (a.is_number() && b.is_number()) {                       \
      taken = a.as_number() op b.as_number();                          \
    } else {                                                           \
      SAVE_PC();                                                       \
      int r = (swap) ? less_than(b, a, false) : less_than(a, b, true); \
      taken = (negate_undef) ? (r == 0) : (r == 1);                    \
    }                                                                  \
    if (taken != (negate)) TAKE_BRANCH(3);                             \
    NEXT(5);                                                           \
  }
#define KITE_IMM Value::int32(static_cast<std::int16_t>(pc[2]))
        KITE_JCMP(JLt, R(2), false, false, false, <)
        KITE_JCMP(JGt, R(2), true, false, false, >)
        KITE_JCMP(JLe, R(2), true, true, false, <=)
        KITE_JCMP(JGe, R(2), false, true, false, >=)
        KITE_JCMP(JNLt, R(2), false, false, true, <)
        KITE_JCMP(JNGt, R(2), true, false, true, >)
        KITE_JCMP(JNLe, R(2), true, true, true, <=)
        KITE_JCMP(JNGe, R(2), false, true, true, >=)
        KITE_JCMP(JLtI, KITE_IMM, false, false, false, <)
        KITE_JCMP(JGtI, KITE_IMM, true, false, false, >)
        KITE_JCMP(JLeI, KITE_IMM, true, true, false, <=)
        KITE_JCMP(JGeI, KITE_IMM, false, true, false, >=)
        KITE_JCMP(JNLtI, KITE_IMM, false, false, true, <)
        KITE_JCMP(JNGtI, KITE_IMM, true, false, true, >)
        KITE_JCMP(JNLeI, KITE_IMM, true, true, true, <=)
        KITE_JCMP(JNGeI, KITE_IMM, false, true, true, >=)
#undef KITE_IMM
#undef KITE_JCMP
        CASE(JStrictEq) {
          Value a = R(1), b = R(2);
          bool eq =
              a == b ? !(a.is_double() && a.as_double() != a.as_double()) : strict_equals(a, b);
          if (eq) TAKE_BRANCH(3);
          NEXT(5);
        }
        CASE(JStrictNe) {
          Value a = R(1), b = R(2);
          bool eq =
              a == b ? !(a.is_double() && a.as_double() != a.as_double()) : strict_equals(a, b);
          if (!eq) TAKE_BRANCH(3);
          NEXT(5);
        }
        CASE(JStrictEqK) {
          Value a = R(1), b = K[pc[2]];
          bool eq = a == b ? !(a.is_double() && a.as_double() != a.as_double())
                           : a.is_number() && a.as_number() == b.as_number();
          if (eq) TAKE_BRANCH(3);
          NEXT(5);
        }
        CASE(JStrictNeK) {
          Value a = R(1), b = K[pc[2]];
          bool eq = a == b ? !(a.is_double() && a.as_double() != a.as_double())
                           : a.is_number() && a.as_number() == b.as_number();
          if (!eq) TAKE_BRANCH(3);
          NEXT(5);
        }
// The body of Call and CallU: THIS_V is the receiver, operands ARGV_OP and
// ARGC_OP give the first argument register and the count, LEN the length.
// JS callees get their frame pushed inline when KITE_OPT_FAST_CALL is on: no
// C++ recursion happens here, so only the register stack and the depth limit
// are checked (push_frame handles the overflow errors).
// clang-format off
#define KITE_CALL_BODY(THIS_V, ARGV_OP, ARGC_OP, LEN)                          \
  Value callee = R(2);                                                         \
  if (callee.is_object()) {                                                    \
    Object* co = callee.as_object();                                           \
    if (co->klass() == ObjectClass::kFunction &&                               \
        !static_cast<JSFunction*>(co)->tmpl->has(FunctionTemplate::kClassConstructor)) { \
      auto* jf = static_cast<JSFunction*>(co);                                 \
      FunctionTemplate* t = jf->tmpl;                                          \
      Value* nregs = stack_top_;                                               \
      std::uint32_t nr = t->num_registers;                                     \
      if (KITE_OPT_FAST_CALL && nregs + nr + 1 < stack_end_ &&                 \
          frames_.size() < options_max_depth_) {                               \
        const Value* argv = &regs[pc[ARGV_OP]];                                \
        std::uint32_t argc = pc[ARGC_OP];                                      \
        nregs[0] = THIS_V;                                                     \
        std::uint32_t np = t->num_params;                                      \
        std::uint32_t n = argc < np ? argc : np;                               \
        for (std::uint32_t i = 0; i < n; ++i) nregs[1 + i] = argv[i];          \
        for (std::uint32_t i = 1 + n; i < nr; ++i) nregs[i] = Value::undefined(); \
        stack_top_ = nregs + nr;                                               \
        f->pc = pc + (LEN);                                                    \
        const std::uint16_t* entry_pc = t->code.data();                        \
        f = &frames_.emplace_back(Frame{jf, t, nregs, entry_pc, argv, argc, jf->env, \
                                        Value::undefined(), pc[1], false, false, nregs}); \
        regs = nregs;                                                          \
        pc = entry_pc;                                                         \
        code = entry_pc;                                                       \
        K = t->constants.data();                                               \
        ICS = t->ics.data();                                                   \
        DISPATCH();                                                            \
      }                                                                        \
      SAVE_PC();                                                               \
      push_frame(jf, THIS_V, &regs[pc[ARGV_OP]], pc[ARGC_OP], Value::undefined(), false, \
                 pc[1], false);                                                \
      f->pc = pc + (LEN);                                                      \
      LOAD_FRAME();                                                            \
      DISPATCH();                                                              \
    }                                                                          \
    if (co->klass() == ObjectClass::kNativeFunction) {                         \
      SAVE_PC();                                                               \
      check_stack();                                                           \
      CallInfo ci{THIS_V, &regs[pc[ARGV_OP]], pc[ARGC_OP], Value::undefined(), co}; \
      Value r = static_cast<NativeFunction*>(co)->fn(*this, ci);               \
      R(1) = r;                                                                \
      NEXT(LEN);                                                               \
    }                                                                          \
  }                                                                            \
  SAVE_PC();                                                                   \
  if (!is_callable(callee)) {                                                  \
    throw_type_error(name_or(callee_text(f->tmpl, pc), callee) + " is not a function"); \
  }                                                                            \
  Value r = call(callee, THIS_V, std::span<const Value>(&regs[pc[ARGV_OP]], pc[ARGC_OP])); \
  R(1) = r;                                                                    \
  NEXT(LEN);
        // clang-format on
        CASE(CallU) {
          KITE_CALL_BODY(Value::undefined(), 3, 4, 5);
        }
        CASE(Call) {
          KITE_CALL_BODY(R(3), 4, 5, 6);
        }
#undef KITE_CALL_BODY
        CASE(CallSpread) {
          SAVE_PC();
          Value callee = R(2);
          if (!is_callable(callee))
            throw_type_error(name_or(callee_text(f->tmpl, pc), callee) + " is not a function");
          Object* args = R(4).as_object();
          Value r =
              call(callee, R(3), std::span<const Value>(args->elements(), args->element_count()));
          R(1) = r;
          NEXT(5);
        }
        CASE(New) {
          SAVE_PC();
          Value callee = R(2);
          if (!is_constructor(callee))
            throw_type_error(name_or(callee_text(f->tmpl, pc), callee) + " is not a constructor");
          Value r = construct(callee, std::span<const Value>(&regs[pc[3]], pc[4]), callee);
          R(1) = r;
          NEXT(5);
        }
        CASE(NewSpread) {
          SAVE_PC();
          Value callee = R(2);
          if (!is_constructor(callee))
            throw_type_error(name_or(callee_text(f->tmpl, pc), callee) + " is not a constructor");
          Object* args = R(3).as_object();
          Value r = construct(
              callee, std::span<const Value>(args->elements(), args->element_count()), callee);
          R(1) = r;
          NEXT(4);
        }
        CASE(SuperCall) {
          SAVE_PC();
          Value r = super_call(f, std::span<const Value>(&regs[pc[2]], pc[3]));
          regs = frames_.back().regs;
          R(1) = r;
          NEXT(4);
        }
        CASE(SuperCallSpread) {
          SAVE_PC();
          Object* args = R(2).as_object();
          Value r = super_call(f, std::span<const Value>(args->elements(), args->element_count()));
          R(1) = r;
          NEXT(3);
        }
        CASE(NewTarget) {
          R(1) = f->new_target;
          NEXT(2);
        }
        CASE(Ret) {
          result = R(1);
          goto do_return;
        }
        CASE(RetUndef) {
          result = Value::undefined();
          goto do_return;
        }
        CASE(Throw) {
          SAVE_PC();
          throw_value(R(1));
        }
        CASE(ThrowTypeError) {
          SAVE_PC();
          throw_type_error(K[pc[1]].as_string()->to_utf8());
        }
        CASE(GenStart) {
          // The generator function's instantiation is done: hand its frame
          // to a new generator object and return that to the caller.
          SAVE_PC();
          Object* gen = generator_create(*this, *f);
          R(1) = Value::object(gen);
          generator_save(gen, *f, pc + 2, 0, 0);
          result = R(1);
          goto do_return;
        }
        CASE(Yield) {
          SAVE_PC();
          generator_save(R(1).as_object(), *f, pc + 5, pc[2], pc[3]);
          suspended_ = 1;
          result = R(4);
          goto do_return;  // a resumed generator runs as an entry frame
        }
        CASE(YieldRaw) {
          SAVE_PC();
          generator_save(R(1).as_object(), *f, pc + 5, pc[2], pc[3]);
          suspended_ = 2;
          result = R(4);
          goto do_return;
        }
        CASE(AsyncStart) {
          SAVE_PC();
          R(1) = Value::object(generator_create(*this, *f));
          NEXT(2);
        }
        CASE(Await) {
          // Awaiting may throw (PromiseResolve); then the frame is saved and
          // the call returns the function's promise (its caller goes on; a
          // resume from the promise job leaves this entry frame instead).
          SAVE_PC();
          builtins::await_value(*this, R(1).as_object(), R(4));
          generator_save(R(1).as_object(), *f, pc + 5, pc[2], pc[3]);
          result = async_promise(R(1).as_object());
          goto do_return;
        }
        CASE(AsyncReturn) {
          SAVE_PC();
          async_finish(*this, R(1).as_object(), R(2), false);
          result = async_promise(R(1).as_object());
          goto do_return;
        }
        CASE(AsyncThrow) {
          SAVE_PC();
          async_finish(*this, R(1).as_object(), R(2), true);
          result = async_promise(R(1).as_object());
          goto do_return;
        }
        CASE(AsyncYield) {
          SAVE_PC();
          if (async_generator_yield(*this, *f, pc)) NEXT(5);  // a request was waiting
          result = Value::undefined();
          goto do_return;  // suspended: a resumed async generator runs as an entry frame
        }
        CASE(GetAsyncIter) {
          SAVE_PC();
          R(1) = get_async_iterator(*this, R(2));
          NEXT(3);
        }
        CASE(AsyncIterNext) {
          SAVE_PC();
          R(1) = async_iterator_next(*this, R(2));
          NEXT(3);
        }
        CASE(IterResult) {
          SAVE_PC();
          Value v;
          if (iterator_result_step(*this, R(2), &v)) {
            pc = TARGET(3);
            DISPATCH();
          }
          R(1) = v;
          NEXT(5);
        }
        CASE(AsyncIterClose) {
          SAVE_PC();
          Value v;
          if (!async_iterator_return(*this, R(2), &v)) {
            pc = TARGET(3);
            DISPATCH();
          }
          R(1) = v;
          NEXT(5);
        }
        CASE(CheckObject) {
          if (!R(1).is_object()) {
            SAVE_PC();
            throw_type_error("Iterator result " + describe(R(1)) + " is not an object");
          }
          NEXT(2);
        }
        CASE(AsyncYieldDelegate) {
          SAVE_PC();
          std::int32_t mode = R(3).as_int32();
          Value v = async_yield_delegate_step(*this, R(2), &mode, R(4));
          R(1) = v;
          R(3) = Value::int32(mode);
          NEXT(5);
        }
        CASE(YieldDelegate) {
          SAVE_PC();
          DelegateState state;
          Value v = yield_delegate_step(*this, R(2), static_cast<ResumeMode>(R(3).as_int32()), R(4),
                                        &state);
          R(1) = v;
          R(5) = Value::int32(static_cast<std::int32_t>(state));
          NEXT(6);
        }
        CASE(GetIter) {
          SAVE_PC();
          R(1) = get_iterator(*this, R(2), callee_text(f->tmpl, pc));
          NEXT(3);
        }
        CASE(IterNext) {
          Value it = R(2);
          Object* io = it.as_object();
          if (io->klass() == ObjectClass::kArrayIterator) {
            // Fast path: step an unmodified array iterator in place.
            Value target = io->internal();
            auto* state = static_cast<IteratorObject*>(io)->state;
            if (target.is_object() && state[1].as_int32() == 0) {
              Object* arr = target.as_object();
              auto i = static_cast<std::uint32_t>(state[0].as_int32());
              if (i < arr->element_count() && arr->is_array()) {
                Value v = arr->elements()[i];
                if (!v.is_hole()) {
                  state[0] = Value::int32(static_cast<std::int32_t>(i + 1));
                  R(1) = v;
                  NEXT(5);
                }
              }
            }
          }
          SAVE_PC();
          Value v;
          if (!iterator_step(R(2), &v)) {
            pc = TARGET(3);
            DISPATCH();
          }
          R(1) = v;
          NEXT(5);
        }
        CASE(IterClose) {
          SAVE_PC();
          iterator_close(R(1));
          NEXT(2);
        }
        CASE(ForInPrepare) {
          SAVE_PC();
          R(1) = for_in_prepare(*this, R(2));
          NEXT(3);
        }
        CASE(ForInNext) {
          SAVE_PC();
          Value k;
          if (!for_in_next(*this, R(2), &k)) {
            pc = TARGET(3);
            DISPATCH();
          }
          R(1) = k;
          NEXT(5);
        }
        CASE(Debugger) {
          NEXT(1);
        }
        CASE(LdImport) {
          Environment* e = f->env;
          for (std::uint16_t d = pc[2]; d > 0; --d) e = e->parent;
          Value ref = e->slots[pc[3]];
          if (ref.is_hole()) [[unlikely]] {
            SAVE_PC();
            R(1) = load_import(f->env, pc[2], pc[3], K[pc[4]]);  // throws
          }
          auto* r = static_cast<Environment*>(ref.as_cell());
          Value v = r->parent->slots[r->slots[0].as_int32()];
          if (v.is_hole()) [[unlikely]] {
            SAVE_PC();
            R(1) = load_import(f->env, pc[2], pc[3], K[pc[4]]);  // throws
          }
          R(1) = v;
          NEXT(5);
        }
        CASE(Intrinsic) {
          SAVE_PC();
          regs[pc[1]] = intrinsic(f, pc);
          NEXT(5);
        }
        CASE(Nop) {
          NEXT(1);
        }
#if !KITE_OPT_COMPUTED_GOTO
        case Op::kCount:
          break;
      }
#endif
      // Not reached: every opcode dispatches.
      return Value::undefined();

    do_return:
      if (f->is_construct && !result.is_object()) {
        if (f->tmpl->has(FunctionTemplate::kDerived)) {
          if (!result.is_undefined()) {
            SAVE_PC();
            throw_type_error("Derived constructors may only return object or undefined");
          }
          if (regs[0].is_hole()) {
            SAVE_PC();
            throw_error(ErrorType::kReferenceError,
                        "Must call super constructor in derived class before accessing 'this' or "
                        "returning from derived constructor");
          }
        }
        result = regs[0];
      }
      {
        bool was_entry = f->is_entry;
        std::uint16_t ret_reg = f->return_reg;
        // The caller's register stack ends where this frame began.
        stack_top_ = f->stack_base;
        frames_.pop_back();
        if (was_entry) return result;
        LOAD_FRAME();
        regs[ret_reg] = result;
      }
      DISPATCH();
    } catch (JSThrow&) {
      if (frames_.size() > entry && &frames_.back() == f) f->pc = pc;
      if (!unwind(entry)) throw;
      LOAD_FRAME();
    }
  }
#undef CASE
#undef DISPATCH
#undef R
#undef NEXT
#undef TARGET
#undef TAKE_BRANCH
#undef LOAD_FRAME
#undef SAVE_PC
}

}  // namespace kite::vm
