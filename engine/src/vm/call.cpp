// Calls: VM::call and VM::construct (natives, bound functions and JS
// functions, which run in the interpreter loop), pushing a frame, a
// script's top-level frame, the arguments object, and the names error
// messages give a callee. Unwinding to an exception handler (VM::unwind)
// stays beside the loop in vm/interpreter.cpp.
#include "vm/call.h"

#include <string>
#include <vector>

#include "objects/call_info.h"
#include "objects/function.h"
#include "objects/object.h"
#include "objects/property_map.h"
#include "objects/shape.h"
#include "objects/string.h"
#include "vm/function_template.h"
#include "vm/vm.h"

namespace kite::vm {

std::string VM::name_or(const std::string& text, Value v) {
  return text.empty() ? describe(v) : text;
}

// Builds the unmapped arguments object (ECMA-262 10.4.4.6).
Value create_arguments(VM& vm, const Value* argv, std::uint32_t argc) {
  Object* args =
      vm.new_object_of_class(ObjectClass::kArguments, vm.intrinsics().object_prototype, 2);
  Rooted ra(vm, Value::object(args));
  vm.ensure_elements(args, argc);
  // argv points into the caller's registers, which do not move.
  for (std::uint32_t i = 0; i < argc; ++i) args->elements()[i] = argv[i];
  vm.set_elements_length(args, argc);
  vm.define_own_property(args, PropertyKey::atom(vm.atoms().length), Value::number(argc),
                         attr::kHidden);
  vm.define_own_property(ra.object(), PropertyKey::symbol(vm.intrinsics().symbol_iterator),
                         Value::object(vm.intrinsics().array_values), attr::kHidden);
  // 10.4.4.6 step 8: a strict arguments object's callee throws.
  Value thrower = Value::object(vm.intrinsics().throw_type_error);
  vm.define_own_property(ra.object(), PropertyKey::atom(vm.atoms().callee), Value::undefined(), 0,
                         true, thrower, thrower);
  return ra.get();
}

// ---- calls ----

Value VM::call(Value fn, Value this_value, std::span<const Value> args) {
  if (!fn.is_object()) throw_type_error(describe(fn) + " is not a function");
  Object* f = fn.as_object();
  switch (f->klass()) {
    case ObjectClass::kNativeFunction: {
      check_stack();
      Rooted rf(*this, fn);
      // Copy the arguments onto the register stack so they stay rooted.
      Value* base = stack_top_;
      if (base + args.size() + 1 >= stack_end_)
        throw_range_error("Maximum call stack size exceeded");
      for (std::size_t i = 0; i < args.size(); ++i) base[i] = args[i];
      stack_top_ += args.size();
      CallInfo ci{this_value, base, static_cast<std::uint32_t>(args.size()), Value::undefined(), f};
      struct Restore {
        VM& vm;
        Value* top;
        ~Restore() { vm.stack_top_ = top; }
      } restore{*this, base};
      return static_cast<NativeFunction*>(rf.object())->fn(*this, ci);
    }
    case ObjectClass::kBoundFunction: {
      auto* b = static_cast<BoundFunction*>(f);
      std::vector<Value> all(b->args);
      all.insert(all.end(), args.begin(), args.end());
      Rooted rf(*this, fn);
      Value* base = stack_top_;
      if (base + all.size() + 1 >= stack_end_)
        throw_range_error("Maximum call stack size exceeded");
      for (std::size_t i = 0; i < all.size(); ++i) base[i] = all[i];
      stack_top_ += all.size();
      struct Restore {
        VM& vm;
        Value* top;
        ~Restore() { vm.stack_top_ = top; }
      } restore{*this, base};
      auto* bf = static_cast<BoundFunction*>(rf.object());
      return call(bf->target, bf->bound_this, std::span<const Value>(base, all.size()));
    }
    case ObjectClass::kFunction: {
      auto* jf = static_cast<JSFunction*>(f);
      if (jf->tmpl->has(FunctionTemplate::kClassConstructor)) {
        throw_type_error("Class constructor " + describe_name(fn) +
                         " cannot be invoked without 'new'");
      }
      push_frame(jf, this_value, args.data(), static_cast<std::uint32_t>(args.size()),
                 Value::undefined(), false, 0, true);
      return execute(frames_.size() - 1);
    }
    case ObjectClass::kCallableProxy:
      return proxy_call(f, this_value, args);
    default:
      throw_type_error(describe(fn) + " is not a function");
  }
}

Value VM::construct(Value fn, std::span<const Value> args, Value new_target) {
  if (!is_constructor(fn)) throw_type_error(describe(fn) + " is not a constructor");
  Object* f = fn.as_object();
  Rooted rnt(*this, new_target);
  Rooted rf(*this, fn);
  switch (f->klass()) {
    case ObjectClass::kNativeFunction: {
      check_stack();
      Value* base = stack_top_;
      if (base + args.size() + 1 >= stack_end_)
        throw_range_error("Maximum call stack size exceeded");
      for (std::size_t i = 0; i < args.size(); ++i) base[i] = args[i];
      stack_top_ += args.size();
      CallInfo ci{Value::undefined(), base, static_cast<std::uint32_t>(args.size()), rnt.get(), f};
      struct Restore {
        VM& vm;
        Value* top;
        ~Restore() { vm.stack_top_ = top; }
      } restore{*this, base};
      return static_cast<NativeFunction*>(rf.object())->fn(*this, ci);
    }
    case ObjectClass::kBoundFunction: {
      auto* b = static_cast<BoundFunction*>(f);
      std::vector<Value> all(b->args);
      all.insert(all.end(), args.begin(), args.end());
      Value target = b->target;
      Value nt = rnt.get() == rf.get() ? target : rnt.get();
      Value* base = stack_top_;
      if (base + all.size() + 1 >= stack_end_)
        throw_range_error("Maximum call stack size exceeded");
      for (std::size_t i = 0; i < all.size(); ++i) base[i] = all[i];
      stack_top_ += all.size();
      struct Restore {
        VM& vm;
        Value* top;
        ~Restore() { vm.stack_top_ = top; }
      } restore{*this, base};
      return construct(target, std::span<const Value>(base, all.size()), nt);
    }
    case ObjectClass::kFunction: {
      auto* jf = static_cast<JSFunction*>(f);
      Value this_value = Value::hole();
      if (!jf->tmpl->has(FunctionTemplate::kDerived)) {
        this_value = Value::object(ordinary_create_from_constructor(rnt.get()));
      }
      jf = static_cast<JSFunction*>(rf.object());
      push_frame(jf, this_value, args.data(), static_cast<std::uint32_t>(args.size()), rnt.get(),
                 true, 0, true);
      return execute(frames_.size() - 1);
    }
    case ObjectClass::kCallableProxy:
      return proxy_construct(rf.object(), args, rnt.get());
    default:
      throw_type_error(describe(fn) + " is not a constructor");
  }
}

// OrdinaryCreateFromConstructor (10.1.13) with Object.prototype fallback.
Object* VM::ordinary_create_from_constructor(Value new_target) {
  Value proto = Value::undefined();
  if (new_target.is_object())
    proto = get(new_target.as_object(), PropertyKey::atom(atoms_.prototype));
  return new_object_with_proto(proto.is_object() ? proto.as_object()
                                                 : intrinsics_.object_prototype);
}

std::string VM::describe_name(Value fn) {
  if (!fn.is_object()) return describe(fn);
  Property p;
  if (get_own_property(fn.as_object(), PropertyKey::atom(atoms_.name), &p) && p.value.is_string()) {
    return p.value.as_string()->to_utf8();
  }
  return "anonymous";
}

void VM::push_frame(JSFunction* fn, Value this_value, const Value* argv, std::uint32_t argc,
                    Value new_target, bool construct, std::uint16_t return_reg, bool entry) {
  check_stack();
  FunctionTemplate* t = fn->tmpl;
  Value* regs = stack_top_;
  if (regs + t->num_registers + 1 >= stack_end_) {
    throw_range_error("Maximum call stack size exceeded");
  }
  regs[0] = this_value;
  std::uint32_t np = t->num_params;
  std::uint32_t n = argc < np ? argc : np;
  for (std::uint32_t i = 0; i < n; ++i) regs[1 + i] = argv[i];
  for (std::uint32_t i = 1 + n; i < t->num_registers; ++i) regs[i] = Value::undefined();
  stack_top_ = regs + t->num_registers;
  frames_.push_back(Frame{fn, t, regs, t->code.data(), argv, argc, fn->env, new_target, return_reg,
                          construct, entry, regs});
}

Value VM::super_property(Frame* f, Value key, const Value* value) {
  Rooted rk(*this, key);
  Rooted self(*this, f->regs[0]);
  if (self.get().is_hole()) {
    throw_error(ErrorType::kReferenceError,
                "Must call super constructor in derived class before accessing 'this' or "
                "returning from derived constructor");
  }
  Value home = f->callee->home_object;
  Object* proto = home.is_object() ? get_prototype_of(home.as_object()) : nullptr;
  Rooted rp(*this, proto != nullptr ? Value::object(proto) : Value::null());
  Rooted rv(*this, value != nullptr ? *value : Value::undefined());
  PropertyKey k = to_property_key(rk.get());
  if (proto == nullptr) {
    Value name = key_to_value(k);
    std::string text = name.is_string() ? name.as_string()->to_utf8() : describe(k.as_value());
    throw_type_error(std::string(value != nullptr ? "Cannot set properties of null (setting '"
                                                  : "Cannot read properties of null (reading '") +
                     text + "')");
  }
  if (value == nullptr) return get(rp.object(), k, self.get());
  set(rp.object(), k, rv.get(), self.get());
  return Value::undefined();
}

Value VM::run_script(FunctionTemplate* tmpl) {
  Rooted rt(*this, Value::cell(tmpl));
  JSFunction* fn = new_closure(tmpl, nullptr);
  // ECMA-262 16.1.6 ScriptEvaluation: a script's `this` is the global object,
  // strict or not.
  push_frame(fn, Value::object(global_), nullptr, 0, Value::undefined(), false, 0, true);
  return execute(frames_.size() - 1);
}

}  // namespace kite::vm
