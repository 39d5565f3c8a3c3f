// error.stack in V8's format: "Name: message" and one "    at ..." line per
// frame, innermost first, at most Error.stackTraceLimit of them.
//
//   at f (file:line:col)          a function called plainly
//   at Foo.bar (file:line:col)    a method: the receiver's type, the name
//   at new Foo (file:line:col)    a constructor
//   at file:line:col              top-level code, or an anonymous function
//   at Array.map (<anonymous>)    a built-in between two JS frames
//   at async f (file:line:col)    an async function awaiting the one above
//
// A built-in has no frame of its own: it is found from the instruction its
// caller is at (a Call or New whose callee register still holds it) when
// the frame above was entered from C++ (an entry frame), or when the error
// is made inside it. Async frames follow the promise of the async function
// at the bottom of the stack to the async function awaiting it, and so on.
// The lines are formatted when the error is made (V8 formats on first read).
#include <fmt/format.h>

#include <iterator>
#include <string>

#include "builtins/builtins.h"
#include "objects/function.h"
#include "objects/object.h"
#include "objects/string.h"
#include "vm/bytecode.h"
#include "vm/function_template.h"
#include "vm/generator.h"
#include "vm/vm.h"

namespace kite::vm {

namespace {

// A property's value found on `o` or its prototypes without running user
// code: false at a proxy, a module namespace or an accessor.
bool find_data_property(VM& vm, Object* o, PropertyKey key, Value* out) {
  for (int depth = 0; o != nullptr && depth < 64; o = o->proto(), ++depth) {
    if (o->is_proxy() || o->klass() == ObjectClass::kModuleNamespace) return false;
    Property p;
    if (vm.get_own_property(o, key, &p)) {
      if ((p.attrs & attr::kAccessor) != 0) return false;
      *out = p.value;
      return true;
    }
  }
  return false;
}

// A function's own `name` when it is a data property holding a string.
std::string own_name(VM& vm, Object* fn) {
  Property p;
  if (vm.get_own_property(fn, PropertyKey::atom(vm.atoms().name), &p) &&
      (p.attrs & attr::kAccessor) == 0 && p.value.is_string()) {
    return p.value.as_string()->to_utf8();
  }
  return std::string();
}

std::string template_name(const FunctionTemplate* t) {
  return t->name.is_string() ? t->name.as_string()->to_utf8() : std::string();
}

// The type a method frame names its receiver by, as V8's
// JSReceiver::GetConstructorName does: the constructor's name unless that is
// Object, else a Symbol.toStringTag ("JSON", "Math"), else "Object". A
// class's static method names the class; other functions are "Function";
// a generator is named by its generator function; primitives by their type.
std::string type_name(VM& vm, Value receiver) {
  Object* o;
  if (receiver.is_object()) {
    o = receiver.as_object();
  } else {
    const Intrinsics& in = vm.intrinsics();
    if (receiver.is_string()) {
      o = in.string_prototype;
    } else if (receiver.is_number()) {
      o = in.number_prototype;
    } else if (receiver.is_boolean()) {
      o = in.boolean_prototype;
    } else if (receiver.is_symbol()) {
      o = in.symbol_prototype;
    } else {
      o = in.bigint_prototype;
    }
  }
  switch (o->klass()) {
    case ObjectClass::kFunction:
      if (static_cast<JSFunction*>(o)->tmpl->has(FunctionTemplate::kClassConstructor)) {
        return template_name(static_cast<JSFunction*>(o)->tmpl);
      }
      return "Function";
    case ObjectClass::kNativeFunction:
    case ObjectClass::kBoundFunction:
    case ObjectClass::kCallableProxy:
      return "Function";
    case ObjectClass::kGenerator:
      return template_name(coroutine_function(o)->tmpl);
    default:
      break;
  }
  std::string ctor_name = "Object";
  Value ctor;
  if (find_data_property(vm, o, PropertyKey::atom(vm.atoms().constructor), &ctor) &&
      ctor.is_object() && vm.is_callable(ctor)) {
    std::string name = own_name(vm, ctor.as_object());
    if (!name.empty()) ctor_name = name;
  }
  if (ctor_name != "Object") return ctor_name;
  Value tag;
  if (find_data_property(vm, o, PropertyKey::symbol(vm.intrinsics().symbol_to_string_tag), &tag) &&
      tag.is_string() && tag.as_string()->length() > 0) {
    return tag.as_string()->to_utf8();
  }
  return ctor_name;
}

// The name part of a frame line. A method call (a receiver other than
// undefined, null or the global object) is "Type.name", or
// "get x [as x]" for an accessor; a constructor call is "new name".
std::string frame_name(VM& vm, std::string name, Value receiver, bool construct) {
  if (construct) return "new " + (name.empty() ? std::string("<anonymous>") : name);
  bool method = !receiver.is_nullish() && receiver != Value::object(vm.global());
  if (!method) return name;
  if (name.starts_with("get ") || name.starts_with("set ")) {
    return name + " [as " + name.substr(4) + "]";
  }
  std::string type = type_name(vm, receiver);
  if (name.empty()) return type + ".<anonymous>";
  if (name.starts_with(type + ".")) return name;
  return type + "." + name;
}

// The built-in the instruction at `off` of frame `f` calls, if its callee is
// a native one: *receiver and *construct say how it was called.
// Function.prototype.call & co. are left out, as V8 leaves them out.
NativeFunction* native_callee(const Frame& f, std::uint32_t off, Value* receiver, bool* construct) {
  const std::uint16_t* at = f.tmpl->code.data() + off;
  Value callee;
  *receiver = Value::undefined();
  *construct = false;
  switch (static_cast<Op>(at[0])) {
    case Op::kCall:
    case Op::kCallSpread:
      callee = f.regs[at[2]];
      *receiver = f.regs[at[3]];
      break;
    case Op::kCallU:
      callee = f.regs[at[2]];
      break;
    case Op::kNew:
    case Op::kNewSpread:
      callee = f.regs[at[2]];
      *construct = true;
      break;
    case Op::kSuperCall:
    case Op::kSuperCallSpread:
      // The parent class (an arrow's super() is its class's: not shown).
      if (!f.tmpl->has(FunctionTemplate::kArrow) && f.callee->proto() != nullptr) {
        callee = Value::object(f.callee->proto());
      }
      *construct = true;
      break;
    default:
      return nullptr;
  }
  if (!callee.is_object() || callee.as_object()->klass() != ObjectClass::kNativeFunction) {
    return nullptr;
  }
  auto* native = static_cast<NativeFunction*>(callee.as_object());
  if (native->hidden_in_stack || (*construct && !native->is_constructor)) return nullptr;
  return native;
}

// The coroutine of an async function's frame: the register AsyncStart
// wrote it to (the instruction is at the start of the function).
Object* frame_coroutine(const Frame& f) {
  const std::vector<std::uint16_t>& code = f.tmpl->code;
  for (std::size_t i = 0; i < code.size(); i += op_length(static_cast<Op>(code[i]))) {
    if (static_cast<Op>(code[i]) != Op::kAsyncStart) continue;
    Value co = f.regs[code[i + 1]];
    return co.is_object() && co.as_object()->klass() == ObjectClass::kGenerator ? co.as_object()
                                                                                : nullptr;
  }
  return nullptr;
}

// Collects the lines; `skip_until` is a function whose innermost frame, and
// every frame above it, is left out (V8's SKIP_UNTIL_SEEN), when it has one.
class StackTraceBuilder {
 public:
  StackTraceBuilder(VM& vm, std::size_t limit, Value skip_until)
      : vm_(vm), limit_(limit), skip_until_(skip_until) {}

  bool full() const { return shown_ >= limit_; }
  const std::string& text() const { return out_; }

  // A JS function's frame at instruction `off`; `async` for an async
  // function suspended at an await.
  void js_frame(JSFunction* fn, const FunctionTemplate* t, Value receiver, bool construct,
                std::uint32_t off, bool async) {
    if (skipping(Value::object(fn))) return;
    std::string name;
    if (!t->has(FunctionTemplate::kScript) && !t->has(FunctionTemplate::kModule)) {
      name = frame_name(vm_, template_name(t), receiver, construct);
    }
    location(t, off);
    if (async) name.insert(0, "async ");
    line(name, location_);
  }

  void native_frame(NativeFunction* fn, Value receiver, bool construct) {
    if (skipping(Value::object(fn))) return;
    line(frame_name(vm_, own_name(vm_, fn), receiver, construct), "<anonymous>");
  }

  // Frames left out until `skip_until`'s frame is passed; none when it
  // has no frame at all.
  void find_skip_target(const std::vector<Frame>& frames) {
    if (!skip_until_.is_object()) return;
    for (const Frame& f : frames) {
      if (Value::object(f.callee) == skip_until_) return;
    }
    skip_until_ = Value::undefined();
  }

 private:
  bool skipping(Value callee) {
    if (skip_until_.is_undefined()) return false;
    if (callee == skip_until_) skip_until_ = Value::undefined();
    return true;
  }

  void location(const FunctionTemplate* t, std::uint32_t off) {
    SourcePosition pos = t->position_at(off);
    location_.clear();
    if (t->file_name.is_string()) {
      location_ = t->file_name.as_string()->to_utf8();
    } else {
      location_ = "<anonymous>";
    }
    fmt::format_to(std::back_inserter(location_), ":{}:{}", pos.line, pos.column);
  }

  void line(const std::string& name, const std::string& where) {
    if (full()) return;
    ++shown_;
    if (name.empty()) {
      fmt::format_to(std::back_inserter(out_), "\n    at {}", where);
    } else {
      fmt::format_to(std::back_inserter(out_), "\n    at {} ({})", name, where);
    }
  }

  VM& vm_;
  std::size_t limit_;
  Value skip_until_;
  std::size_t shown_ = 0;
  std::string location_;
  std::string out_;
};

}  // namespace

bool VM::stack_trace_limit(std::size_t* limit) {
  Property p;
  if (intrinsics_.error_constructor == nullptr ||
      !get_own_property(intrinsics_.error_constructor, PropertyKey::atom(atoms_.stackTraceLimit),
                        &p) ||
      (p.attrs & attr::kAccessor) != 0 || !p.value.is_number()) {
    return false;
  }
  double n = p.value.as_number();
  *limit = n > 0 ? (n < 1e6 ? static_cast<std::size_t>(n) : 1000000) : 0;
  return true;
}

std::string VM::capture_stack_trace(std::size_t limit, bool in_native, Value skip_until) {
  StackTraceBuilder b(*this, limit, skip_until);
  if (frames_.empty()) return std::string();
  b.find_skip_target(frames_);
  for (std::size_t i = frames_.size(); i-- > 0 && !b.full();) {
    const Frame& f = frames_[i];
    // The instruction the frame is at: the top frame's pc was saved at it,
    // and so was a caller's whose callee was entered through C++; any
    // other caller's pc is the return address just past it.
    bool top = i + 1 == frames_.size();
    bool entered = !top && frames_[i + 1].is_entry;
    auto off = static_cast<std::uint32_t>(f.pc - f.tmpl->code.data());
    if (!top && !entered && off > 0) off -= 1;
    if (entered || (top && in_native)) {
      Value receiver;
      bool construct;
      NativeFunction* native = native_callee(f, off, &receiver, &construct);
      if (native != nullptr) b.native_frame(native, receiver, construct);
    }
    b.js_frame(f.callee, f.tmpl, f.regs[0], f.is_construct, off, false);
  }
  // Async frames: the async function at the bottom, resumed by a job, and
  // the async functions awaiting its promise in turn.
  const Frame& bottom = frames_.front();
  if (bottom.tmpl->has(FunctionTemplate::kAsync) &&
      !bottom.tmpl->has(FunctionTemplate::kGenerator) &&
      !bottom.tmpl->has(FunctionTemplate::kModule)) {
    Object* co = frame_coroutine(bottom);
    while (co != nullptr && !b.full()) {
      Value promise = async_promise(co);
      co = promise.is_object() ? builtins::awaiting_coroutine(promise.as_object()) : nullptr;
      if (co == nullptr) break;
      JSFunction* fn = coroutine_function(co);
      std::uint32_t off = coroutine_resume_offset(co);  // just past the Await
      b.js_frame(fn, fn->tmpl, coroutine_this(co), false, off > 0 ? off - 1 : 0, true);
    }
  }
  return b.text();
}

void VM::install_error_stack(Object* error, std::string_view head, bool in_native,
                             Value skip_until) {
  Rooted re(*this, Value::object(error));
  std::size_t limit;
  Value stack = Value::undefined();
  if (stack_trace_limit(&limit)) {
    std::string text(head);
    text += capture_stack_trace(limit, in_native, skip_until);
    stack = Value::string(new_string_utf8(text));
  }
  define_own_property(re.object(), PropertyKey::atom(atoms_.stack), stack, attr::kHidden);
}

}  // namespace kite::vm
