// kite::Host: the embedding interface (kite/engine/host.h) over the VM.
#include <kite/engine/host.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>

#include "api/internal.h"
#include "builtins/builtins.h"
#include "vm/vm.h"

namespace kite {

using vm::Object;
using vm::PropertyKey;
using vm::Rooted;
using vm::String;
using vm::Value;

static_assert(JsValue::kTagMask == Value::kTagMask && JsValue::kTagInt == Value::kTagInt &&
                  JsValue::kTagSpecial == Value::kTagSpecial &&
                  JsValue::kTagObject == Value::kTagObject &&
                  JsValue::kTagString == Value::kTagString &&
                  JsValue::kUndefined == Value::kUndefinedBits &&
                  JsValue::kNull == Value::kNullBits && JsValue::kFalse == Value::kFalseBits &&
                  JsValue::kTrue == Value::kTrueBits,
              "host.h's copy of the value encoding must match objects/value.h");
static_assert(sizeof(Value) == sizeof(std::uint64_t));

namespace {

Value in(JsValue v) {
  return Value::from_bits(v.bits());
}
JsValue out(Value v) {
  return JsValue::from_bits(v.bits());
}
PropertyKey key_of(PropertyName n) {
  return PropertyKey::atom(Value::from_bits(n.bits).as_string());
}

}  // namespace

// A host class: the shape every instance starts with, and its internal
// slot count. An instance's brand is its internal value: int32(id) when the
// class has no internal slots, else an Environment cell whose slot 0 is
// int32(id) and slots 1.. the host's.
struct Host::State {
  struct Class {
    vm::Shape* shape;          // kept alive by a persistent root
    std::uint32_t proto_root;  // persistent index of the prototype
    std::uint32_t internal_slots;
    std::uint32_t field_count;
  };
  std::vector<Class> classes{Class{}};  // id 0: no class
  struct Function {
    NativeFn fn;
    JsValue data;  // kept alive by a persistent root
  };
  std::vector<Function> functions;
  std::unordered_map<std::string, std::uint64_t> names;  // PropertyName by text
  std::uint32_t json_parse_root = UINT32_MAX;
  std::vector<PropertyKey> keys;  // own_enumerable_names' scratch
};

Host::Host(vm::VM& vm) : vm_(vm), state_(std::make_unique<State>()) {
  vm_.host = this;
  grow_roots();
}

Host::~Host() {
  vm_.host = nullptr;
  vm_.host_roots_top = nullptr;
}

// The stack lives in the VM (which traces it); HostRoot pushes and pops
// inline and only calls here when it is full.
void Host::grow_roots() {
  std::vector<std::uint64_t*>& stack = vm_.host_roots;
  std::size_t used = static_cast<std::size_t>(root_top_ - roots_);
  stack.resize(std::max<std::size_t>(64, stack.size() * 2));
  roots_ = stack.data();
  root_top_ = roots_ + used;
  root_end_ = roots_ + stack.size();
  vm_.host_roots_top = &root_top_;
}

// ---- strings ----

JsValue Host::new_string(std::string_view utf8) {
  return out(Value::string(vm_.new_string_utf8(utf8)));
}

JsValue Host::new_string_latin1(std::string_view bytes) {
  return out(Value::string(
      vm_.new_string_latin1(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size())));
}

JsValue Host::intern(std::string_view ascii) {
  return out(Value::string(vm_.intern(ascii)));
}

JsValue Host::empty_string() {
  return out(Value::string(vm_.atoms().empty));
}

std::string_view Host::utf8(JsValue string, std::string& scratch) {
  String* s = in(string).as_string();
  if (s->is_rope()) s = vm_.flatten(s);
  if (s->is_one_byte()) {
    const std::uint8_t* p = s->chars8();
    std::uint32_t n = s->length();
    // ASCII is its own UTF-8: test eight bytes at a time for a high bit.
    std::uint32_t i = 0;
    std::uint64_t high = 0;
    for (; i + 8 <= n; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      high |= w;
    }
    for (; i < n; ++i) high |= p[i];
    if ((high & 0x8080808080808080ull) == 0) return {reinterpret_cast<const char*>(p), n};
  }
  scratch.clear();
  s->append_utf8(scratch);
  return scratch;
}

void Host::append_utf8(JsValue string, std::string& out) {
  in(string).as_string()->append_utf8(out);
}

std::string_view Host::latin1(JsValue string, std::string& scratch) {
  String* s = in(string).as_string();
  if (s->is_rope()) s = vm_.flatten(s);
  if (s->is_one_byte()) return {reinterpret_cast<const char*>(s->chars8()), s->length()};
  scratch.clear();
  scratch.reserve(s->length());
  for (std::uint32_t i = 0; i < s->length(); ++i) {
    char16_t c = s->at(i);
    scratch.push_back(c < 0x100 ? static_cast<char>(c) : '?');
  }
  return scratch;
}

JsValue Host::concat(JsValue a, JsValue b) {
  return out(Value::string(vm_.concat(in(a).as_string(), in(b).as_string())));
}

std::string Host::describe(JsValue v) {
  return vm_.describe(in(v));
}

// ---- conversions ----

JsValue Host::to_string(JsValue v) {
  return out(Value::string(vm_.to_string(in(v))));
}

double Host::to_number(JsValue v) {
  return vm_.to_number(in(v));
}

// ---- objects and properties ----

PropertyName Host::name(std::string_view ascii) {
  auto it = state_->names.find(std::string(ascii));
  if (it != state_->names.end()) return PropertyName{it->second};
  Value atom = Value::string(vm_.intern(ascii));
  persist(out(atom));
  state_->names.emplace(std::string(ascii), atom.bits());
  return PropertyName{atom.bits()};
}

JsValue Host::name_string(PropertyName name) {
  return JsValue::from_bits(name.bits);
}

JsValue Host::global() {
  return out(Value::object(vm_.global()));
}

JsValue Host::new_object() {
  return out(Value::object(vm_.new_object()));
}

JsValue Host::get(JsValue object, PropertyName name) {
  return out(vm_.get(in(object).as_object(), key_of(name)));
}

JsValue Host::get(JsValue object, JsValue key_string) {
  Rooted ro(vm_, in(object));
  PropertyKey k = vm_.to_property_key(in(key_string));
  return out(vm_.get(ro.object(), k));
}

void Host::create_data_property(JsValue object, JsValue key_string, JsValue v) {
  Rooted ro(vm_, in(object));
  Rooted rv(vm_, in(v));
  PropertyKey k = vm_.to_property_key(in(key_string));
  vm_.create_data_property(ro.object(), k, rv.get());
}

void Host::create_data_property(JsValue object, PropertyName name, JsValue v) {
  vm_.create_data_property(in(object).as_object(), key_of(name), in(v));
}

void Host::own_enumerable_names(JsValue object, std::vector<PropertyName>& names) {
  Rooted ro(vm_, in(object));
  std::vector<PropertyKey>& keys = state_->keys;
  keys.clear();
  vm_.own_keys(ro.object(), keys);
  names.clear();
  for (PropertyKey k : keys) {
    vm::Property p;
    if (!vm_.get_own_property(ro.object(), k, &p) || (p.attrs & vm::attr::kEnumerable) == 0) {
      continue;
    }
    // The key's string stays alive with the object that has it.
    names.push_back(PropertyName{vm_.key_to_value(k).bits()});
  }
}

void Host::define_value(JsValue object, std::string_view name, JsValue v) {
  vm_.define_value(in(object).as_object(), name, in(v));
}

bool Host::lookup_global(std::string_view name, JsValue* found) {
  Value v;
  if (!vm_.lookup_global(vm_.intern(name), &v)) return false;
  *found = out(v);
  return true;
}

bool Host::module_export(std::string_view name, JsValue* found) {
  vm::ModuleRecord* m = vm_.modules().entry;
  if (m == nullptr || m->status != vm::ModuleRecord::Status::kEvaluated) return false;
  vm::Object* ns = vm_.module_namespace(m);
  vm::PropertyKey key = vm::PropertyKey::atom(vm_.intern(name));
  if (!vm_.has_property(ns, key)) return false;
  *found = out(vm_.get(ns, key));
  return true;
}

void Host::define_global(std::string_view name, JsValue v) {
  vm_.define_value(vm_.global(), name, in(v));
}

// ---- functions ----

namespace {

Value native_trampoline(vm::VM& vm, vm::CallInfo& ci);

}  // namespace

// What the trampoline needs of Host's private state.
struct HostAccess {
  static JsValue invoke(Host& host, std::int32_t index, const vm::CallInfo& ci) {
    const Host::State::Function& f = host.state_->functions[static_cast<std::size_t>(index)];
    NativeCall call;
    call.this_value = out(ci.this_value);
    call.data = f.data;
    call.argc = ci.argc;
    // Value is standard-layout with its 64-bit word as its only member.
    call.argv_ = reinterpret_cast<const std::uint64_t*>(ci.args);
    return f.fn(host, call);
  }
};

namespace {

// Every host native function is this built-in; its data is the index of
// the host's function in State::functions.
Value native_trampoline(vm::VM& vm, vm::CallInfo& ci) {
  auto* self = static_cast<vm::NativeFunction*>(ci.callee);
  return in(HostAccess::invoke(*vm.host, self->data.as_int32(), ci));
}

}  // namespace

JsValue Host::define_method(JsValue object, std::string_view name, NativeFn fn,
                            std::uint32_t length, JsValue data) {
  auto index = static_cast<std::int32_t>(state_->functions.size());
  persist(data);
  state_->functions.push_back({fn, data});
  vm::NativeFunction* f =
      vm_.define_native(in(object).as_object(), name, native_trampoline, length);
  f->data = Value::int32(index);
  return out(Value::object(f));
}

void Host::define_getter(JsValue object, std::string_view name, NativeFn fn, JsValue data) {
  auto index = static_cast<std::int32_t>(state_->functions.size());
  persist(data);
  state_->functions.push_back({fn, data});
  Rooted ro(vm_, in(object));
  std::string full = "get ";
  full += name;
  Rooted rf(vm_, Value::object(vm_.new_native(native_trampoline, vm_.intern(full), 0)));
  static_cast<vm::NativeFunction*>(rf.object())->data = Value::int32(index);
  PropertyKey k = vm_.key(name);
  Rooted rk(vm_, Value::string(k.as_atom()));  // a new atom lives while referenced
  vm_.define_own_property(ro.object(), k, Value::undefined(), vm::attr::kConfigurable, true,
                          rf.get(), Value::undefined());
}

bool Host::is_callable(JsValue v) {
  return vm_.is_callable(in(v));
}

JsValue Host::call(JsValue fn, JsValue this_value, std::span<const JsValue> args) {
  constexpr std::size_t kInline = 8;
  Value inline_args[kInline];
  std::vector<Value> heap_args;
  Value* argv = inline_args;
  if (args.size() > kInline) {
    heap_args.resize(args.size());
    argv = heap_args.data();
  }
  for (std::size_t i = 0; i < args.size(); ++i) argv[i] = in(args[i]);
  // The arguments are the caller's values (rooted by the caller); vm.call
  // copies them into the register stack before anything allocates.
  return out(vm_.call(in(fn), in(this_value), std::span<const Value>(argv, args.size())));
}

// ---- host classes ----

HostClass Host::define_class(const HostClassSpec& spec) {
  Rooted proto(vm_, in(spec.prototype));
  if (!proto.get().is_object()) proto.set(Value::object(vm_.new_object()));
  // The shape: the prototype's root shape plus each field, in order.
  Rooted sample(vm_,
                Value::object(vm_.new_object_of_class(
                    vm::ObjectClass::kPlain, proto.object(),
                    std::max<std::uint32_t>(4, static_cast<std::uint32_t>(spec.fields.size())))));
  for (std::string_view field : spec.fields) {
    vm_.add_property(sample.object(), vm_.key(field), Value::undefined(), vm::attr::kDefault);
  }
  State::Class cls;
  cls.shape = sample.object()->shape();
  persist(JsValue::from_bits(Value::cell(cls.shape).bits()));
  cls.proto_root = persist(out(proto.get()));
  cls.internal_slots = spec.internal_slots;
  cls.field_count = static_cast<std::uint32_t>(spec.fields.size());
  state_->classes.push_back(cls);
  return HostClass{static_cast<std::uint32_t>(state_->classes.size() - 1)};
}

JsValue Host::prototype(HostClass cls) {
  return persistent(state_->classes[cls.id].proto_root);
}

JsValue Host::new_instance(HostClass cls, std::span<const JsValue> fields,
                           std::span<const JsValue> internals) {
  const State::Class& c = state_->classes[cls.id];
  Value brand = Value::int32(static_cast<std::int32_t>(cls.id));
  if (c.internal_slots != 0) return new_instance_with_internals(cls, fields, internals);
  Object* o = vm_.new_object_with_shape(c.shape);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    o->set_slot(static_cast<std::uint32_t>(i), in(fields[i]));
  }
  o->set_internal(brand);
  return out(Value::object(o));
}

JsValue Host::new_instance_with_internals(HostClass cls, std::span<const JsValue> fields,
                                          std::span<const JsValue> internals) {
  const State::Class& c = state_->classes[cls.id];
  auto* env = vm_.new_environment(nullptr, c.internal_slots + 1);
  env->slots[0] = Value::int32(static_cast<std::int32_t>(cls.id));
  for (std::size_t i = 0; i < internals.size(); ++i) env->slots[i + 1] = in(internals[i]);
  HostRoot holder(*this, out(Value::cell(env)));
  Object* o = vm_.new_object_with_shape(c.shape);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    o->set_slot(static_cast<std::uint32_t>(i), in(fields[i]));
  }
  o->set_internal(in(holder.get()));
  return out(Value::object(o));
}

JsValue Host::field(JsValue instance, HostClass cls, std::uint32_t field) {
  Object* o = in(instance).as_object();
  if (o->shape() == state_->classes[cls.id].shape) return out(o->slot(field));
  return reshaped_field(instance, cls, field);
}

// Script added or deleted a property: look the field's name up.
JsValue Host::reshaped_field(JsValue instance, HostClass cls, std::uint32_t field) {
  Rooted ro(vm_, in(instance));
  std::vector<PropertyKey> keys;
  Rooted sample(vm_, Value::object(vm_.new_object_with_shape(state_->classes[cls.id].shape)));
  vm_.own_keys(sample.object(), keys);
  return out(vm_.get(ro.object(), keys[field]));
}

HostClass Host::class_of(JsValue v) {
  Value value = in(v);
  if (!value.is_object()) return HostClass{};
  Value brand = value.as_object()->internal();
  if (brand.is_int32()) {
    auto id = static_cast<std::uint32_t>(brand.as_int32());
    return id < state_->classes.size() && state_->classes[id].internal_slots == 0 ? HostClass{id}
                                                                                  : HostClass{};
  }
  if (!brand.is_internal_cell() || brand.as_cell()->kind() != vm::CellKind::kEnvironment) {
    return HostClass{};
  }
  auto* env = static_cast<vm::Environment*>(brand.as_cell());
  if (env->size == 0 || !env->slots[0].is_int32()) return HostClass{};
  auto id = static_cast<std::uint32_t>(env->slots[0].as_int32());
  if (id >= state_->classes.size() || state_->classes[id].internal_slots + 1 != env->size) {
    return HostClass{};
  }
  return HostClass{id};
}

bool Host::is_hole(JsValue v) const {
  return in(v).is_hole();
}

JsValue Host::internal(JsValue instance, std::uint32_t slot) {
  auto* env = static_cast<vm::Environment*>(in(instance).as_object()->internal().as_cell());
  return out(env->slots[slot + 1]);
}

void Host::set_internal(JsValue instance, std::uint32_t slot, JsValue v) {
  auto* env = static_cast<vm::Environment*>(in(instance).as_object()->internal().as_cell());
  env->slots[slot + 1] = in(v);
}

// ---- promises ----

Host::PromiseState Host::promise_state(JsValue v, JsValue* result) {
  Value value = in(v);
  if (!value.is_object() || value.as_object()->klass() != vm::ObjectClass::kPromise) {
    return PromiseState::kNotAPromise;
  }
  bool rejected = false;
  Value r = vm::builtins::promise_result_of(value.as_object(), &rejected);
  if (vm::builtins::promise_is_pending(value.as_object())) return PromiseState::kPending;
  *result = out(r);
  if (!rejected) return PromiseState::kFulfilled;
  vm::builtins::promise_mark_handled(vm_, value.as_object());
  return PromiseState::kRejected;
}

// ---- JSON ----

JsValue Host::json_parse(JsValue text) {
  if (state_->json_parse_root == UINT32_MAX) {
    Rooted json(vm_, vm_.get(vm_.global(), "JSON"));
    state_->json_parse_root = persist(out(vm_.get(json.object(), "parse")));
  }
  Value arg = in(text);
  return out(vm_.call(vm_.persistent_roots()[state_->json_parse_root], Value::undefined(),
                      std::span<const Value>(&arg, 1)));
}

bool Host::json_stringify(JsValue v, std::string& text) {
  return vm::builtins::json_stringify(vm_, in(v), text);
}

// ---- errors ----

void Host::throw_type_error(std::string_view message) {
  vm_.throw_type_error(message);
}

void Host::throw_range_error(std::string_view message) {
  vm_.throw_range_error(message);
}

void Host::throw_syntax_error(std::string_view message) {
  vm_.throw_error(vm::ErrorType::kSyntaxError, message);
}

Completion Host::take_exception() {
  Completion c;
  c.ok = false;
  Rooted exc(vm_, vm_.take_pending_exception());
  c.interrupted = vm_.terminating();
  vm_.clear_termination();
  describe_exception(vm_, exc.get(), &c);
  return c;
}

// ---- persistent values ----

std::uint32_t Host::persist(JsValue v) {
  auto& roots = vm_.persistent_roots();
  roots.push_back(in(v));
  return static_cast<std::uint32_t>(roots.size() - 1);
}

JsValue Host::persistent(std::uint32_t handle) const {
  return out(vm_.persistent_roots()[handle]);
}

}  // namespace kite
