// Function.prototype (ECMA-262 20.2.3).
#include "builtins/builtins.h"

namespace kite::vm::builtins {

namespace {

// Function(...) and its kinds (%GeneratorFunction% & co.): the kind in data.
Value function_ctor(VM& vm, CallInfo& ci) {
  Value data = static_cast<NativeFunction*>(ci.callee)->data;
  int kind = data.is_int32() ? data.as_int32() : 0;
  Value nt = ci.new_target.is_undefined() ? Value::object(ci.callee) : ci.new_target;
  return vm.create_dynamic_function(kind, std::span<const Value>(ci.args, ci.argc), nt);
}

Value fn_call(VM& vm, CallInfo& ci) {
  if (!vm.is_callable(ci.this_value))
    vm.throw_type_error("Function.prototype.call called on non-function");
  std::uint32_t n = ci.argc > 0 ? ci.argc - 1 : 0;
  return vm.call(ci.this_value, ci.arg(0),
                 std::span<const Value>(ci.args + (ci.argc > 0 ? 1 : 0), n));
}

}  // namespace

// CreateListFromArrayLike (7.3.20)
std::vector<Value> list_from_array_like(VM& vm, Value v) {
  std::vector<Value> out;
  if (v.is_nullish()) return out;
  if (!v.is_object()) vm.throw_type_error("CreateListFromArrayLike called on non-object");
  Object* o = v.as_object();
  std::uint32_t len = vm.to_length_u32(vm.get(o, PropertyKey::atom(vm.atoms().length)));
  out.reserve(len);
  for (std::uint32_t i = 0; i < len; ++i) out.push_back(vm.get(o, PropertyKey::index(i)));
  return out;
}

Value apply_array_like(VM& vm, Value fn, Value this_value, Value array_like, bool construct,
                       Value new_target) {
  Rooted rf(vm, fn);
  Rooted rt(vm, this_value);
  Rooted rn(vm, new_target);
  std::vector<Value> args = list_from_array_like(vm, array_like);
  // The values are now only in a C++ vector: keep them on the register stack.
  Value* base = vm.stack_top();
  for (std::size_t i = 0; i < args.size(); ++i) base[i] = args[i];
  vm.stack_top() += args.size();
  struct Restore {
    VM& vm;
    Value* top;
    ~Restore() { vm.stack_top() = top; }
  } restore{vm, base};
  std::span<const Value> list(base, args.size());
  return construct ? vm.construct(rf.get(), list, rn.get()) : vm.call(rf.get(), rt.get(), list);
}

namespace {

Value fn_apply(VM& vm, CallInfo& ci) {
  if (!vm.is_callable(ci.this_value)) {
    vm.throw_type_error("Function.prototype.apply was called on " + vm.describe(ci.this_value) +
                        ", which is not a function");
  }
  return apply_array_like(vm, ci.this_value, ci.arg(0), ci.arg(1), false);
}

Value fn_bind(VM& vm, CallInfo& ci) {
  if (!vm.is_callable(ci.this_value)) vm.throw_type_error("Bind must be called on a function");
  Rooted target(vm, ci.this_value);
  Object* b = vm.new_bound_function();
  auto* bf = static_cast<BoundFunction*>(b);
  bf->target = target.get();
  bf->bound_this = ci.arg(0);
  for (std::uint32_t i = 1; i < ci.argc; ++i) bf->args.push_back(ci.args[i]);
  Rooted rb(vm, Value::object(b));
  // length = max(0, target.length - bound args); name = "bound " + target.name
  Value len = vm.get(target.object(), PropertyKey::atom(vm.atoms().length));
  double l = len.is_number() ? len.as_number() - (ci.argc > 0 ? ci.argc - 1 : 0) : 0;
  if (l < 0) l = 0;
  Value name = vm.get(target.object(), PropertyKey::atom(vm.atoms().name));
  Rooted rn(vm, name.is_string() ? name : Value::string(vm.atoms().empty));
  String* full = vm.concat(vm.intern("bound "), rn.get().as_string());
  rb.object()->set_slot(0, Value::number(l));
  rb.object()->set_slot(1, Value::string(full));
  return rb.get();
}

Value fn_to_string(VM& vm, CallInfo& ci) {
  Value t = ci.this_value;
  if (!vm.is_callable(t))
    vm.throw_type_error("Function.prototype.toString requires that 'this' be a Function");
  Object* o = t.as_object();
  if (o->klass() == ObjectClass::kFunction) {
    FunctionTemplate* tmpl = static_cast<JSFunction*>(o)->tmpl;
    if (tmpl->source.is_string()) {
      return Value::string(
          vm.substring(tmpl->source.as_string(), tmpl->source_start, tmpl->source_end));
    }
  }
  std::string name = vm.describe_name(t);
  return Value::string(vm.new_string_utf8("function " + name + "() { [native code] }"));
}

Value fn_has_instance(VM& vm, CallInfo& ci) {
  Value f = ci.this_value;
  if (!vm.is_callable(f)) return Value::boolean(false);
  if (f.as_object()->klass() == ObjectClass::kBoundFunction) {
    return Value::boolean(
        vm.instance_of(ci.arg(0), static_cast<BoundFunction*>(f.as_object())->target));
  }
  if (!ci.arg(0).is_object()) return Value::boolean(false);
  Value proto = vm.get(f.as_object(), PropertyKey::atom(vm.atoms().prototype));
  if (!proto.is_object())
    vm.throw_type_error("Function has non-object prototype in instanceof check");
  Rooted rp(vm, proto);
  Rooted cur(vm, ci.arg(0));
  for (;;) {
    Object* o = vm.get_prototype_of(cur.object());
    if (o == nullptr) return Value::boolean(false);
    if (o == rp.object()) return Value::boolean(true);
    cur.set(Value::object(o));
  }
}

}  // namespace

// %ThrowTypeError% (10.2.4.1).
Value throw_type_error_fn(VM& vm, CallInfo&) {
  vm.throw_type_error(
      "'caller', 'callee', and 'arguments' properties may not be accessed on strict mode "
      "functions or the arguments objects for calls to them");
}

void install_function(VM& vm, Object* global) {
  Intrinsics& in = vm.intrinsics();
  Object* proto = in.function_prototype;
  // %ThrowTypeError%: non-extensible, its length and name fixed; it guards
  // Function.prototype's caller and arguments (AddRestrictedFunctionProperties)
  // and every arguments object's callee (vm/call.cpp).
  NativeFunction* thrower = vm.new_native(throw_type_error_fn, vm.intern(""), 0);
  in.throw_type_error = thrower;
  vm.define_own_property(thrower, PropertyKey::atom(vm.atoms().length), Value::int32(0), 0);
  vm.define_own_property(thrower, PropertyKey::atom(vm.atoms().name),
                         Value::string(vm.atoms().empty), 0);
  vm.prevent_extensions(thrower);
  for (String* name : {vm.atoms().caller, vm.atoms().arguments}) {
    vm.define_own_property(proto, PropertyKey::atom(name), Value::undefined(), attr::kConfigurable,
                           true, Value::object(thrower), Value::object(thrower));
  }
  NativeFunction* ctor = make_constructor(vm, global, "Function", function_ctor, 1, proto);
  in.function_constructor = ctor;
  // V8 shows no frame for call and apply in error.stack.
  vm.define_native(proto, "call", fn_call, 1)->hidden_in_stack = true;
  vm.define_native(proto, "apply", fn_apply, 2)->hidden_in_stack = true;
  vm.define_native(proto, "bind", fn_bind, 1);
  vm.define_native(proto, "toString", fn_to_string, 0);
  NativeFunction* hi = vm.new_native(fn_has_instance, vm.intern("[Symbol.hasInstance]"), 1);
  vm.define_own_property(in.function_prototype, PropertyKey::symbol(in.symbol_has_instance),
                         Value::object(hi), 0);
}

}  // namespace kite::vm::builtins

namespace kite::vm::builtins {

void install_function_kind_constructor(VM& vm, std::string_view name, Object* prototype) {
  Rooted rp(vm, Value::object(prototype));
  Rooted rc(vm, Value::object(vm.new_native(function_ctor, vm.intern(name), 1, true)));
  int kind = name == "GeneratorFunction" ? 1 : name == "AsyncFunction" ? 2 : 3;
  static_cast<NativeFunction*>(rc.object())->data = Value::int32(kind);
  vm.set_prototype(rc.object(), vm.intrinsics().function_constructor);
  vm.define_own_property(rc.object(), PropertyKey::atom(vm.atoms().prototype), rp.get(), 0);
  vm.define_own_property(rp.object(), PropertyKey::atom(vm.atoms().constructor), rc.get(),
                         attr::kConfigurable);
}

}  // namespace kite::vm::builtins
