// VM lifetime, roots, errors, globals, classes (stack traces: vm/stack_trace.cpp).
#include "vm/vm.h"

#include <kite/engine/engine.h>
#include <sys/mman.h>
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "builtins/builtins.h"
#include "objects/accessor_pair.h"
#include "objects/environment.h"
#include "objects/function.h"
#include "objects/object.h"
#include "objects/ordered_table.h"
#include "objects/property_map.h"
#include "objects/symbol.h"

namespace kite::vm {

namespace {
constexpr std::size_t kStackValues = 1u << 20;  // 8 MiB of registers, touched lazily
}

double js_pow(double x, double y) {
  if (std::isnan(y)) return std::nan("");
  if (std::fabs(x) == 1 && std::isinf(y)) return std::nan("");
  return std::pow(x, y);
}

VM::VM(const kite::EngineOptions& options)
    : heap_(*this), options_(std::make_unique<kite::EngineOptions>(options)) {
  stack_bytes_ = kStackValues * sizeof(Value);
  void* mem = mmap(nullptr, stack_bytes_, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mem == MAP_FAILED) throw std::bad_alloc();
  stack_ = static_cast<Value*>(mem);
  stack_end_ = stack_ + kStackValues;
  stack_top_ = stack_;
  options_max_depth_ = options.max_call_depth;
  frames_.reserve(options_max_depth_ + 16);

  // Leave room for native code below the deepest JS frame: the limit is set
  // relative to the current stack, using at most 3/4 of its size.
  char probe;
  struct rlimit rl;
  std::size_t stack_size = 8u << 20;
  if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) stack_size = rl.rlim_cur;
  std::size_t usable = stack_size / 4 * 3;
  if (usable > (64u << 20)) usable = 64u << 20;
  native_stack_limit_ = reinterpret_cast<std::uintptr_t>(&probe) - usable;

  std::uint64_t seed = options.random_seed;
  if (seed == 0) {
    seed = static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
  }
  rng_.seed(seed);

  heap_.enter_no_gc();
  init_atoms();
  init_intrinsics();
  heap_.leave_no_gc();
  heap_.set_limit(options.memory_limit);
  heap_.set_stress(options.gc_stress);
  if (options.gc_min_threshold != 0) heap_.set_min_threshold(options.gc_min_threshold);
}

void VM::grow_roots() {
  std::size_t used = root_count();
  roots_.resize(roots_.size() * 2 + 256);
  roots_top_ = roots_.data() + used;
  roots_end_ = roots_.data() + roots_.size();
}

VM::~VM() {
  frames_.clear();
  roots_top_ = roots_.data();
  persistent_.clear();
  global_lexicals_.clear();
  munmap(stack_, stack_bytes_);
}

void VM::init_atoms() {
#define KITE_ATOM_INIT(id, ...) atoms_.id = intern(atom_text(#id __VA_OPT__(, ) __VA_ARGS__));
  auto atom_text = [](const char* id, const char* text = nullptr) -> std::string_view {
    return text != nullptr ? std::string_view(text) : std::string_view(id);
  };
  KITE_ATOM_LIST(KITE_ATOM_INIT)
#undef KITE_ATOM_INIT
}

void VM::init_intrinsics() {
  builtins::install(*this);
}

void VM::trace_roots(Heap& heap) {
  for (Value* v = stack_; v < stack_top_; ++v) heap.mark(*v);
  for (const Frame& f : frames_) {
    heap.mark(static_cast<Object*>(f.callee));
    heap.mark(reinterpret_cast<Cell*>(f.env));
    heap.mark(f.new_target);
  }
  for (Value** p = roots_.data(); p < roots_top_; ++p) heap.mark(**p);
  for (auto& [text, v] : bigint_keys_) heap.mark(v);
  if (host_roots_top != nullptr) {
    for (std::uint64_t** p = host_roots.data(); p < *host_roots_top; ++p) {
      heap.mark(Value::from_bits(**p));
    }
  }
  for (Value v : persistent_) heap.mark(v);
  jobs_.trace(heap);
  timers_.trace(heap);
  for (Value v : unhandled_rejections_) heap.mark(v);
  for (Value v : symbol_registry_) heap.mark(v);
  heap.mark(pending_exception_);
  if (global_ != nullptr) heap.mark(global_);
  if (null_root_shape_ != nullptr) heap.mark(null_root_shape_);
  if (null_dict_shape_ != nullptr) heap.mark(null_dict_shape_);
  for (String* s : single_chars_) {
    if (s != nullptr) heap.mark(s);
  }
#define KITE_ATOM_MARK(id, ...) \
  if (atoms_.id != nullptr) heap.mark(atoms_.id);
  KITE_ATOM_LIST(KITE_ATOM_MARK)
#undef KITE_ATOM_MARK
  Object** objects = reinterpret_cast<Object**>(&intrinsics_);
  // Intrinsics is a struct of pointers to cells; mark each.
  constexpr std::size_t n = sizeof(Intrinsics) / sizeof(void*);
  for (std::size_t i = 0; i < n; ++i) {
    Cell* c = reinterpret_cast<Cell*>(objects[i]);
    if (c != nullptr) heap.mark(c);
  }
  for (Value v : kept_objects_) heap.mark(v);
  modules_.trace(heap);
  for (auto& [name, lex] : global_lexicals_) {
    heap.mark(name);
    heap.mark(reinterpret_cast<Cell*>(lex.env));
  }
}

void VM::write_out(std::string_view s) {
  if (options_->out) {
    options_->out(s);
  } else {
    std::fwrite(s.data(), 1, s.size(), stdout);
  }
}

void VM::write_err(std::string_view s) {
  if (options_->err) {
    options_->err(s);
  } else {
    std::fwrite(s.data(), 1, s.size(), stderr);
  }
}

// ---- errors ----

Object* VM::make_error(Object* proto, Value message, Value new_target, bool in_native) {
  Rooted rm(*this, message);
  Object* e = new_object_of_class(ObjectClass::kError, proto, 4);
  Rooted re(*this, Value::object(e));
  if (!rm.get().is_undefined()) {
    Value msg = Value::string(to_string(rm.get()));
    define_own_property(re.object(), PropertyKey::atom(atoms_.message), msg, attr::kHidden);
  }
  // "Name: message\n    at ..." (formatted now; V8 formats on first read).
  Value name = get(re.object(), PropertyKey::atom(atoms_.name));
  std::string head = name.is_string() ? name.as_string()->to_utf8() : std::string("Error");
  Value m = get(re.object(), PropertyKey::atom(atoms_.message));
  if (m.is_string() && m.as_string()->length() > 0) {
    head += ": ";
    head += m.as_string()->to_utf8();
  }
  install_error_stack(re.object(), head, in_native, new_target);
  return re.object();
}

double VM::now_ms() const {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

Object* VM::make_error(ErrorType type, std::string_view message) {
  Object* proto = intrinsics_.error_prototype;
  switch (type) {
    case ErrorType::kError:
      break;
    case ErrorType::kTypeError:
      proto = intrinsics_.type_error_prototype;
      break;
    case ErrorType::kRangeError:
      proto = intrinsics_.range_error_prototype;
      break;
    case ErrorType::kSyntaxError:
      proto = intrinsics_.syntax_error_prototype;
      break;
    case ErrorType::kReferenceError:
      proto = intrinsics_.reference_error_prototype;
      break;
    case ErrorType::kURIError:
      proto = intrinsics_.uri_error_prototype;
      break;
    case ErrorType::kAggregateError:
      proto = intrinsics_.aggregate_error_prototype;
      break;
    case ErrorType::kEvalError:
      proto = intrinsics_.eval_error_prototype;
      break;
  }
  return make_error(proto, Value::string(new_string_utf8(message)), Value::undefined(), true);
}

void VM::throw_error(ErrorType type, std::string_view message) {
  Object* e;
  // Building the error may itself run out of memory or stack: build it
  // without collecting, and past the call-depth limit.
  heap_.enter_no_gc();
  try {
    e = make_error(type, message);
  } catch (...) {
    heap_.leave_no_gc();
    throw;
  }
  heap_.leave_no_gc();
  throw_value(Value::object(e));
}

void VM::throw_value(Value v) {
  set_pending_exception(v);
  throw JSThrow{};
}

SourcePosition FunctionTemplate::position_at(std::uint32_t pc) const {
  SourcePosition best{0, 1, 1};
  std::size_t lo = 0, hi = positions.size();
  while (lo < hi) {
    std::size_t mid = (lo + hi) / 2;
    if (positions[mid].pc <= pc) {
      best = positions[mid];
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return best;
}

void FunctionTemplate::trace(Heap& heap) {
  for (Value v : constants) heap.mark(v);
  heap.mark(name);
  heap.mark(file_name);
  heap.mark(source);
  for (const InlineCache& ic : ics) {
    for (const ICEntry& e : ic.entries) {
      if (e.shape != nullptr) heap.mark(e.shape);
      if (e.new_shape != nullptr) heap.mark(e.new_shape);
      if (e.holder != nullptr) heap.mark(e.holder);
      if (e.holder_shape != nullptr) heap.mark(e.holder_shape);
      if (e.mid_shape != nullptr) heap.mark(e.mid_shape);
      if (e.key != nullptr) heap.mark(e.key);
    }
  }
}

// ---- globals ----

bool VM::lookup_global(String* name, Value* out) {
  auto it = global_lexicals_.find(name);
  if (it != global_lexicals_.end()) {
    Value v = it->second.env->slots[it->second.slot];
    if (v.is_hole()) {
      throw_error(ErrorType::kReferenceError,
                  "Cannot access '" + name->to_utf8() + "' before initialization");
    }
    *out = v;
    return true;
  }
  PropertyKey k = PropertyKey::atom(name);
  if (!has_property(global_, k)) return false;
  *out = get(global_, k);
  return true;
}

void VM::declare_global_lexical(String* name, Environment* env, std::uint32_t slot, bool is_const) {
  if (global_lexicals_.count(name) != 0 ||
      (has_own_property(global_, PropertyKey::atom(name)) &&
       !(name == atoms_.undefined_ || name == atoms_.NaN || name == atoms_.Infinity))) {
    Property p;
    bool restricted =
        get_own_property(global_, PropertyKey::atom(name), &p) && !(p.attrs & attr::kConfigurable);
    if (global_lexicals_.count(name) != 0 || restricted) {
      throw_error(ErrorType::kSyntaxError,
                  "Identifier '" + name->to_utf8() + "' has already been declared");
    }
  }
  global_lexicals_[name] = GlobalLexical{env, slot, is_const};
}

Value VM::load_global(String* name, InlineCache& ic, bool throw_if_missing) {
  counters_.ic_misses++;
  PropertyKey k = PropertyKey::atom(name);
  if (global_lexicals_.empty() || global_lexicals_.find(name) == global_lexicals_.end()) {
    if (!global_->shape()->is_dictionary()) {
      std::uint8_t attrs;
      std::int32_t slot = global_->shape()->lookup(k, &attrs);
      if (slot >= 0 && !(attrs & attr::kAccessor)) {
        ICEntry e;
        e.shape = global_->shape();
        e.slot = static_cast<std::uint32_t>(slot);
        ic.entries[0] = e;
        return global_->slot(e.slot);
      }
    }
  }
  // A global object with more properties than a shape holds is a
  // dictionary: no cache, but one probe for an own data property (a
  // script with many top-level functions lands here on every call).
  if (global_->shape()->is_dictionary() &&
      (global_lexicals_.empty() || global_lexicals_.find(name) == global_lexicals_.end())) {
    Property* p = global_->dict()->find(k);
    if (p != nullptr && (p->attrs & attr::kAccessor) == 0) return p->value;
  }
  Value v;
  if (lookup_global(name, &v)) return v;
  if (!throw_if_missing) return Value::undefined();
  throw_error(ErrorType::kReferenceError, name->to_utf8() + " is not defined");
}

void VM::store_global(String* name, Value v, InlineCache& ic) {
  (void)ic;
  auto it = global_lexicals_.find(name);
  if (it != global_lexicals_.end()) {
    Value cur = it->second.env->slots[it->second.slot];
    if (cur.is_hole()) {
      throw_error(ErrorType::kReferenceError,
                  "Cannot access '" + name->to_utf8() + "' before initialization");
    }
    if (it->second.is_const) throw_type_error("Assignment to constant variable.");
    it->second.env->slots[it->second.slot] = v;
    return;
  }
  PropertyKey k = PropertyKey::atom(name);
  if (!has_property(global_, k)) {
    throw_error(ErrorType::kReferenceError, name->to_utf8() + " is not defined");
  }
  set(global_, k, v);
}

// ---- classes ----

void VM::define_accessor_part(Object* obj, PropertyKey key, Value fn, bool getter,
                              bool enumerable) {
  Rooted ro(*this, Value::object(obj));
  Rooted rf(*this, fn);
  Property cur;
  Value other = Value::undefined();
  if (get_own_property(obj, key, &cur) && (cur.attrs & attr::kAccessor)) {
    auto* pair = static_cast<AccessorPair*>(cur.value.as_cell());
    other = getter ? pair->setter : pair->getter;
  }
  std::uint8_t attrs = attr::kConfigurable | (enumerable ? attr::kEnumerable : 0);
  Value g = getter ? rf.get() : other;
  Value s = getter ? other : rf.get();
  define_own_property(ro.object(), key, Value::undefined(), attrs, true, g, s);
}

// NewClass dst(ctor), proto_out, super, template (ECMA-262 15.7.14
// ClassDefinitionEvaluation, steps for the prototype objects).
void VM::make_class(Frame* f, const std::uint16_t* pc) {
  Value* regs = f->regs;
  Value super_class = regs[pc[3]];
  auto* tmpl = static_cast<FunctionTemplate*>(f->tmpl->constants[pc[4]].as_cell());
  Rooted proto_parent(*this, Value::object(intrinsics_.object_prototype));
  Rooted ctor_parent(*this, Value::object(intrinsics_.function_prototype));
  if (!super_class.is_hole()) {
    if (super_class.is_null()) {
      proto_parent.set(Value::null());
    } else {
      if (!is_constructor(super_class)) {
        throw_type_error("Class extends value " + describe(super_class) +
                         " is not a constructor or null");
      }
      Value pp = get(super_class.as_object(), PropertyKey::atom(atoms_.prototype));
      if (!pp.is_object() && !pp.is_null()) {
        throw_type_error("Class extends value does not have valid prototype property " +
                         describe(pp));
      }
      proto_parent.set(pp);
      ctor_parent.set(regs[pc[3]]);
    }
  }
  Object* proto =
      new_object_with_proto(proto_parent.get().is_object() ? proto_parent.object() : nullptr);
  Rooted rp(*this, Value::object(proto));
  JSFunction* ctor = new_closure(tmpl, f->env);
  Rooted rc(*this, Value::object(ctor));
  set_prototype(ctor, ctor_parent.object());
  ctor = static_cast<JSFunction*>(rc.object());
  ctor->home_object = rp.get();
  // `prototype` is slot 2 of a function shape: make it non-writable.
  define_own_property(ctor, PropertyKey::atom(atoms_.prototype), rp.get(), 0);
  define_own_property(rp.object(), PropertyKey::atom(atoms_.constructor), rc.get(), attr::kHidden);
  frames_.back().regs[pc[1]] = rc.get();
  frames_.back().regs[pc[2]] = rp.get();
}

Value VM::super_call(Frame* f, std::span<const Value> args) {
  // Copy the arguments: they may live in registers this frame reuses.
  std::vector<Value> copy(args.begin(), args.end());
  Value* base = stack_top_;
  for (std::size_t i = 0; i < copy.size(); ++i) base[i] = copy[i];
  stack_top_ += copy.size();
  struct Restore {
    VM& vm;
    Value* top;
    ~Restore() { vm.stack_top_ = top; }
  } restore{*this, base};
  std::size_t depth = static_cast<std::size_t>(f - frames_.data());
  JSFunction* active = f->callee;
  Object* parent = active->proto();
  if (parent == nullptr || !is_constructor(Value::object(parent))) {
    throw_type_error("Super constructor " +
                     (parent == nullptr ? std::string("null") : describe(Value::object(parent))) +
                     " of anonymous class is not a constructor");
  }
  Value result =
      construct(Value::object(parent), std::span<const Value>(base, copy.size()), f->new_target);
  Frame& fr = frames_[depth];
  if (!fr.regs[0].is_hole()) {
    throw_error(ErrorType::kReferenceError, "Super constructor may only be called once");
  }
  fr.regs[0] = result;
  Value fields = fr.callee->fields;
  if (fields.is_object()) {
    Rooted rr(*this, result);
    call(fields, result, {});
    return rr.get();
  }
  return result;
}

// SetFunctionName (10.2.9) for functions defined under a computed key.
void VM::set_function_name(Value fn, Value key) {
  if (!fn.is_object() || !fn.as_object()->is_callable()) return;
  Rooted rf(*this, fn);
  Rooted name(*this, Value::undefined());
  if (key.is_symbol()) {
    Value d = key.as_symbol()->description;
    std::string s = d.is_string() ? "[" + d.as_string()->to_utf8() + "]" : std::string();
    name.set(Value::string(new_string_utf8(s)));
  } else {
    name.set(Value::string(to_string(key)));
  }
  define_own_property(rf.object(), PropertyKey::atom(atoms_.name), name.get(), attr::kConfigurable);
}

void VM::handle_interrupt() {
  std::uint32_t token = interrupt_requested.exchange(0, std::memory_order_relaxed);
  if (interrupt_token != 0 && token != interrupt_token) return;
  // Uncatchable: unwind() skips every handler while terminating_ is set, so
  // `while (true) { try { for (;;) {} } catch {} }` still stops.
  terminating_ = true;
  throw_error(ErrorType::kError, "Script execution interrupted");
}

void VM::array_push_internal(Object* obj, Value v) {
  Rooted rv(*this, v);
  Rooted ro(*this, Value::object(obj));
  ensure_elements(obj, obj->element_count() + 1);
  obj = ro.object();
  obj->elements()[obj->element_count()] = rv.get();
  set_elements_length(obj, obj->element_count() + 1);
}

}  // namespace kite::vm
