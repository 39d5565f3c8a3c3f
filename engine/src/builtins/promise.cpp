// Promise (ECMA-262 27.2) and the jobs it queues.
//
// A promise's state lives in its internal value, an Environment cell used
// as a record (PromiseSlot). Reactions are recorded in pairs, one record
// per then() (fulfil and reject handlers of the same capability), in an
// internal array; settling turns each pair into one job with the handler of
// the outcome, which keeps the order the spec's two lists give. Resolving
// functions and the closures of Promise.all & co. are native functions
// whose data is an Environment record of what they close over.
#include <string>

#include "builtins/builtins.h"
#include "vm/jobs.h"
#include "vm/vm.h"

namespace kite::vm::builtins {

namespace {

enum PromiseSlot : std::uint32_t {
  kState,      // int32 PromiseState
  kResult,     // [[PromiseResult]]
  kReactions,  // internal array of reaction records, while pending
  kIsHandled,  // bool [[PromiseIsHandled]]
  kPromiseSlotCount,
};
enum PromiseState : std::int32_t { kPending = 0, kFulfilled = 1, kRejected = 2 };

// A PromiseReaction pair: the capability and both handlers.
enum ReactionSlot : std::uint32_t {
  kCapPromise,
  kCapResolve,
  kCapReject,
  kOnFulfilled,
  kOnRejected,
  kReactionSlotCount,
};
enum ReactionType : std::int32_t { kFulfill = 0, kReject = 1 };

Environment* record(VM& vm, std::uint32_t size) {
  Environment* e = vm.new_environment(nullptr, size);
  for (std::uint32_t i = 0; i < size; ++i) e->slots[i] = Value::undefined();
  return e;
}

Environment* promise_record(Object* p) {
  return static_cast<Environment*>(p->internal().as_cell());
}

Environment* data_record(CallInfo& ci) {
  return static_cast<Environment*>(static_cast<NativeFunction*>(ci.callee)->data.as_cell());
}

// A native function closing over `data`.
Value closure(VM& vm, NativeFn fn, std::uint32_t length, Value data) {
  Rooted rd(vm, data);
  NativeFunction* f = vm.new_native(fn, vm.atoms().empty, length);
  f->data = rd.get();
  return Value::object(f);
}

// ---- settling (27.2.1.4, 27.2.1.7, 27.2.1.8) ----

void trigger_reactions(VM& vm, Value reactions, ReactionType type, Value argument) {
  if (!reactions.is_object()) return;
  Rooted list(vm, reactions);
  Rooted arg(vm, argument);
  std::uint32_t n = list.object()->element_count();
  for (std::uint32_t i = 0; i < n; ++i) {
    vm.jobs().push(Job{Job::Kind::kPromiseReaction, list.object()->elements()[i], arg.get(),
                       Value::int32(type)});
  }
}

void settle(VM& vm, Object* promise, PromiseState state, Value value) {
  Environment* rec = promise_record(promise);
  Value reactions = rec->slots[kReactions];
  rec->slots[kResult] = value;
  rec->slots[kReactions] = Value::undefined();
  rec->slots[kState] = Value::int32(state);
  if (state == kRejected && !rec->slots[kIsHandled].is_true()) {
    vm.unhandled_rejections().push_back(
        Value::object(promise));  // HostPromiseRejectionTracker "reject"
  }
  trigger_reactions(vm, reactions, state == kFulfilled ? kFulfill : kReject, value);
}

// ---- resolving functions (27.2.1.3) ----

enum ResolvingSlot : std::uint32_t { kResolvingPromise, kAlreadyResolved, kResolvingSlotCount };

void resolve_promise(VM& vm, Object* promise, Value resolution);

Value promise_reject_function(VM& vm, CallInfo& ci) {
  Environment* rec = data_record(ci);
  if (rec->slots[kAlreadyResolved].is_true()) return Value::undefined();
  rec->slots[kAlreadyResolved] = Value::boolean(true);
  settle(vm, rec->slots[kResolvingPromise].as_object(), kRejected, ci.arg(0));
  return Value::undefined();
}

Value promise_resolve_function(VM& vm, CallInfo& ci) {
  Environment* rec = data_record(ci);
  if (rec->slots[kAlreadyResolved].is_true()) return Value::undefined();
  rec->slots[kAlreadyResolved] = Value::boolean(true);
  resolve_promise(vm, rec->slots[kResolvingPromise].as_object(), ci.arg(0));
  return Value::undefined();
}

// Steps 7-16 of the resolve function, once alreadyResolved is set.
void resolve_promise(VM& vm, Object* promise, Value resolution) {
  Rooted rp(vm, Value::object(promise));
  Rooted res(vm, resolution);
  if (resolution == Value::object(promise)) {
    Rooted err(vm, Value::object(vm.make_error(ErrorType::kTypeError,
                                               "Chaining cycle detected for promise #<Promise>")));
    settle(vm, rp.object(), kRejected, err.get());
    return;
  }
  if (!resolution.is_object()) {
    settle(vm, rp.object(), kFulfilled, resolution);
    return;
  }
  Value then;
  try {
    then = vm.get(res.object(), PropertyKey::atom(vm.atoms().then));
  } catch (JSThrow&) {
    Rooted exc(vm, vm.take_pending_exception());
    settle(vm, rp.object(), kRejected, exc.get());
    return;
  }
  if (!vm.is_callable(then)) {
    settle(vm, rp.object(), kFulfilled, res.get());
    return;
  }
  vm.jobs().push(Job{Job::Kind::kPromiseResolveThenable, rp.get(), res.get(), then});
}

// The record a pair of resolving functions shares: the promise and
// alreadyResolved. A capability of the built-in constructor keeps only this
// record (an internal capability) and settles through it; the functions
// themselves are made only when script could see them (capability_functions).
Value resolving_record(VM& vm, Object* promise) {
  Rooted rp(vm, Value::object(promise));
  Environment* r = record(vm, kResolvingSlotCount);
  r->slots[kResolvingPromise] = rp.get();
  r->slots[kAlreadyResolved] = Value::boolean(false);
  return Value::cell(r);
}

bool is_resolving_record(Value v) {
  return v.is_internal_cell();
}

// Calls a capability's resolve or reject: a function, or an internal
// capability's resolving record (the functions' steps, without them).
void call_settle(VM& vm, Value fn, bool reject, Value arg) {
  if (is_resolving_record(fn)) {
    auto* rec = static_cast<Environment*>(fn.as_cell());
    if (rec->slots[kAlreadyResolved].is_true()) return;
    rec->slots[kAlreadyResolved] = Value::boolean(true);
    if (reject) {
      settle(vm, rec->slots[kResolvingPromise].as_object(), kRejected, arg);
    } else {
      resolve_promise(vm, rec->slots[kResolvingPromise].as_object(), arg);
    }
    return;
  }
  Rooted ra(vm, arg);
  vm.call(fn, Value::undefined(), std::span<const Value>(&ra.ref(), 1));
}

// CreateResolvingFunctions: {resolve, reject} sharing one record.
void create_resolving_functions(VM& vm, Object* promise, Value* resolve, Value* reject) {
  Rooted rec(vm, resolving_record(vm, promise));
  Rooted res(vm, closure(vm, promise_resolve_function, 1, rec.get()));
  *reject = closure(vm, promise_reject_function, 1, rec.get());
  *resolve = res.get();
}

// ---- promise objects ----

Object* new_promise_with_proto(VM& vm, Object* proto) {
  Rooted rp(vm, Value::object(proto));
  Rooted rec(vm, Value::cell(record(vm, kPromiseSlotCount)));
  auto* r = static_cast<Environment*>(rec.get().as_cell());
  r->slots[kState] = Value::int32(kPending);
  r->slots[kIsHandled] = Value::boolean(false);
  Object* p = vm.new_object_of_class(ObjectClass::kPromise, rp.object(), 0);
  p->set_internal(rec.get());
  return p;
}

Value promise_constructor_value(VM& vm) {
  return Value::object(vm.intrinsics().promise_constructor);
}

// ---- capabilities (27.2.1.5) ----

// A capability held in three handles. Of the built-in constructor it is
// internal: resolve and reject are both the resolving record, and the
// functions are made the first time script may see them (resolve_fn,
// reject_fn).
class RootedCapability {
 public:
  explicit RootedCapability(VM& vm)
      : promise_(vm, Value::undefined()),
        resolve_(vm, Value::undefined()),
        reject_(vm, Value::undefined()) {}
  Value promise() const { return promise_.get(); }
  Value resolve() const { return resolve_.get(); }
  Value reject() const { return reject_.get(); }
  void set(Value p, Value res, Value rej) {
    promise_.set(p);
    resolve_.set(res);
    reject_.set(rej);
  }
  Value resolve_fn(VM& vm) {
    materialize(vm);
    return resolve_.get();
  }
  Value reject_fn(VM& vm) {
    materialize(vm);
    return reject_.get();
  }

 private:
  void materialize(VM& vm);
  Rooted promise_;
  Rooted resolve_;
  Rooted reject_;
};

void RootedCapability::materialize(VM& vm) {
  if (!is_resolving_record(resolve_.get())) return;
  resolve_.set(closure(vm, promise_resolve_function, 1, resolve_.get()));
  reject_.set(closure(vm, promise_reject_function, 1, reject_.get()));
}

enum ExecutorSlot : std::uint32_t { kExecResolve, kExecReject, kExecutorSlotCount };

// GetCapabilitiesExecutor functions.
Value capability_executor(VM& vm, CallInfo& ci) {
  Environment* rec = data_record(ci);
  if (!rec->slots[kExecResolve].is_undefined())
    vm.throw_type_error("Promise executor has already been invoked with non-undefined arguments");
  if (!rec->slots[kExecReject].is_undefined())
    vm.throw_type_error("Promise executor has already been invoked with non-undefined arguments");
  rec->slots[kExecResolve] = ci.arg(0);
  rec->slots[kExecReject] = ci.arg(1);
  return Value::undefined();
}

// NewPromiseCapability(C).
void new_promise_capability(VM& vm, Value c, RootedCapability* cap) {
  if (c == promise_constructor_value(vm)) {
    // The built-in constructor: no observable difference, no executor.
    Rooted p(vm, Value::object(new_promise_with_proto(vm, vm.intrinsics().promise_prototype)));
    Value rec = resolving_record(vm, p.object());
    cap->set(p.get(), rec, rec);
    return;
  }
  if (!vm.is_constructor(c)) vm.throw_type_error(vm.describe(c) + " is not a constructor");
  Rooted rc(vm, c);
  Rooted rec(vm, Value::cell(record(vm, kExecutorSlotCount)));
  Rooted executor(vm, closure(vm, capability_executor, 2, rec.get()));
  Rooted p(vm, vm.construct(rc.get(), std::span<const Value>(&executor.ref(), 1), rc.get()));
  auto* r = static_cast<Environment*>(rec.get().as_cell());
  if (!vm.is_callable(r->slots[kExecResolve]))
    vm.throw_type_error("Promise resolve function is not callable");
  if (!vm.is_callable(r->slots[kExecReject]))
    vm.throw_type_error("Promise reject function is not callable");
  cap->set(p.get(), r->slots[kExecResolve], r->slots[kExecReject]);
}

bool is_promise(Value v) {
  return v.is_object() && v.as_object()->klass() == ObjectClass::kPromise;
}

// PromiseResolve(C, x) (27.2.4.7.1).
Value promise_resolve(VM& vm, Value c, Value x) {
  Rooted rc(vm, c);
  Rooted rx(vm, x);
  if (is_promise(x)) {
    Value ctor = vm.get(rx.object(), PropertyKey::atom(vm.atoms().constructor));
    if (vm.same_value(ctor, rc.get())) return rx.get();
  }
  RootedCapability cap(vm);
  new_promise_capability(vm, rc.get(), &cap);
  call_settle(vm, cap.resolve(), false, rx.get());
  return cap.promise();
}

// HostPromiseRejectionTracker "handle": a handler for a rejected promise.
void forget_unhandled(VM& vm, Value promise) {
  auto& list = vm.unhandled_rejections();
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i] == promise) {
      list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
      return;
    }
  }
}

// PerformPromiseThen (27.2.5.4.1); `cap` may be null (no result promise).
// An await passes its coroutine object as both handlers (run_reaction_job
// resumes it).
bool is_coroutine(Value v) {
  return v.is_object() && (v.as_object()->klass() == ObjectClass::kGenerator ||
                           v.as_object()->klass() == ObjectClass::kAsyncGenerator);
}

void perform_promise_then(VM& vm, Object* promise, Value on_fulfilled, Value on_rejected,
                          const RootedCapability* cap) {
  Rooted rp(vm, Value::object(promise));
  Rooted rf(vm, vm.is_callable(on_fulfilled) || is_coroutine(on_fulfilled) ? on_fulfilled
                                                                           : Value::undefined());
  Rooted rr(vm, vm.is_callable(on_rejected) || is_coroutine(on_rejected) ? on_rejected
                                                                         : Value::undefined());
  Rooted reaction(vm, Value::cell(record(vm, kReactionSlotCount)));
  auto* re = static_cast<Environment*>(reaction.get().as_cell());
  if (cap != nullptr) {
    re->slots[kCapPromise] = cap->promise();
    re->slots[kCapResolve] = cap->resolve();
    re->slots[kCapReject] = cap->reject();
  }
  re->slots[kOnFulfilled] = rf.get();
  re->slots[kOnRejected] = rr.get();
  Environment* rec = promise_record(rp.object());
  switch (rec->slots[kState].as_int32()) {
    case kPending: {
      if (!rec->slots[kReactions].is_object()) {
        Object* list = vm.new_array();
        promise_record(rp.object())->slots[kReactions] = Value::object(list);
      }
      vm.array_push_internal(promise_record(rp.object())->slots[kReactions].as_object(),
                             reaction.get());
      break;
    }
    case kFulfilled:
      vm.jobs().push(Job{Job::Kind::kPromiseReaction, reaction.get(), rec->slots[kResult],
                         Value::int32(kFulfill)});
      break;
    default: {
      if (!rec->slots[kIsHandled].is_true()) forget_unhandled(vm, rp.get());
      vm.jobs().push(Job{Job::Kind::kPromiseReaction, reaction.get(), rec->slots[kResult],
                         Value::int32(kReject)});
      break;
    }
  }
  promise_record(rp.object())->slots[kIsHandled] = Value::boolean(true);
}

// ---- the constructor and prototype ----

Value promise_ctor(VM& vm, CallInfo& ci) {
  if (ci.new_target.is_undefined())
    vm.throw_type_error("Promise constructor cannot be invoked without 'new'");
  Value executor = ci.arg(0);
  if (!vm.is_callable(executor)) {
    vm.throw_type_error("Promise resolver " + vm.describe(executor) + " is not a function");
  }
  Rooted rexec(vm, executor);
  Rooted nt(vm, ci.new_target);
  Value proto = vm.get(nt.object(), PropertyKey::atom(vm.atoms().prototype));
  Rooted p(vm, Value::object(new_promise_with_proto(
                   vm, proto.is_object() ? proto.as_object() : vm.intrinsics().promise_prototype)));
  Value res, rej;
  create_resolving_functions(vm, p.object(), &res, &rej);
  Value fns[2] = {res, rej};
  Rooted r0(vm, fns[0]);
  Rooted r1(vm, fns[1]);
  try {
    Value args[2] = {r0.get(), r1.get()};
    vm.call(rexec.get(), Value::undefined(), std::span<const Value>(args, 2));
  } catch (JSThrow&) {
    Rooted exc(vm, vm.take_pending_exception());
    vm.call(r1.get(), Value::undefined(), std::span<const Value>(&exc.ref(), 1));
  }
  return p.get();
}

Value promise_then(VM& vm, CallInfo& ci) {
  if (!is_promise(ci.this_value)) {
    vm.throw_type_error("Method Promise.prototype.then called on incompatible receiver " +
                        vm.describe(ci.this_value));
  }
  Rooted rp(vm, ci.this_value);
  Rooted f(vm, ci.arg(0));
  Rooted r(vm, ci.arg(1));
  Rooted c(vm, species_constructor(vm, rp.object(), promise_constructor_value(vm)));
  RootedCapability cap(vm);
  new_promise_capability(vm, c.get(), &cap);
  perform_promise_then(vm, rp.object(), f.get(), r.get(), &cap);
  return cap.promise();
}

// Invoke(v, "then", args).
Value invoke_then(VM& vm, Value v, std::span<const Value> args) {
  Rooted rv(vm, v);
  Value then = vm.get_value(v, PropertyKey::atom(vm.atoms().then));
  return vm.call(then, rv.get(), args);
}

Value promise_catch(VM& vm, CallInfo& ci) {
  Value args[2] = {Value::undefined(), ci.arg(0)};
  return invoke_then(vm, ci.this_value, std::span<const Value>(args, 2));
}

enum FinallySlot : std::uint32_t {
  kFinallyOnFinally,
  kFinallyCtor,
  kFinallyValue,
  kFinallySlotCount
};

Value finally_value_thunk(VM&, CallInfo& ci) {
  return data_record(ci)->slots[kFinallyValue];
}

Value finally_thrower(VM& vm, CallInfo& ci) {
  vm.throw_value(data_record(ci)->slots[kFinallyValue]);
}

// thenFinally / catchFinally (27.2.5.3.1-2).
Value finally_reaction(VM& vm, CallInfo& ci, bool is_catch) {
  Rooted rec(vm, static_cast<NativeFunction*>(ci.callee)->data);
  Rooted value(vm, ci.arg(0));
  auto slots = [&] { return static_cast<Environment*>(rec.get().as_cell())->slots; };
  Rooted result(vm, vm.call(slots()[kFinallyOnFinally], Value::undefined(), {}));
  Rooted p(vm, promise_resolve(vm, slots()[kFinallyCtor], result.get()));
  Rooted thunk_rec(vm, Value::cell(record(vm, kFinallySlotCount)));
  static_cast<Environment*>(thunk_rec.get().as_cell())->slots[kFinallyValue] = value.get();
  Rooted thunk(vm,
               closure(vm, is_catch ? finally_thrower : finally_value_thunk, 0, thunk_rec.get()));
  return invoke_then(vm, p.get(), std::span<const Value>(&thunk.ref(), 1));
}

Value then_finally(VM& vm, CallInfo& ci) {
  return finally_reaction(vm, ci, false);
}
Value catch_finally(VM& vm, CallInfo& ci) {
  return finally_reaction(vm, ci, true);
}

Value promise_finally(VM& vm, CallInfo& ci) {
  if (!ci.this_value.is_object()) {
    vm.throw_type_error("Method Promise.prototype.finally called on incompatible receiver " +
                        vm.describe(ci.this_value));
  }
  Rooted rp(vm, ci.this_value);
  Rooted on_finally(vm, ci.arg(0));
  Rooted c(vm, species_constructor(vm, rp.object(), promise_constructor_value(vm)));
  Value args[2] = {on_finally.get(), on_finally.get()};
  Rooted a0(vm, Value::undefined());
  Rooted a1(vm, Value::undefined());
  if (vm.is_callable(on_finally.get())) {
    Rooted rec(vm, Value::cell(record(vm, kFinallySlotCount)));
    auto* r = static_cast<Environment*>(rec.get().as_cell());
    r->slots[kFinallyOnFinally] = on_finally.get();
    r->slots[kFinallyCtor] = c.get();
    a0.set(closure(vm, then_finally, 1, rec.get()));
    a1.set(closure(vm, catch_finally, 1, rec.get()));
    args[0] = a0.get();
    args[1] = a1.get();
  }
  return invoke_then(vm, rp.get(), std::span<const Value>(args, 2));
}

// ---- statics ----

Value promise_static_resolve(VM& vm, CallInfo& ci) {
  if (!ci.this_value.is_object()) vm.throw_type_error("PromiseResolve called on non-object");
  return promise_resolve(vm, ci.this_value, ci.arg(0));
}

Value promise_static_reject(VM& vm, CallInfo& ci) {
  Rooted reason(vm, ci.arg(0));
  RootedCapability cap(vm);
  new_promise_capability(vm, ci.this_value, &cap);
  call_settle(vm, cap.reject(), true, reason.get());
  return cap.promise();
}

// Promise.all / allSettled / any: the element closures' shared record.
enum CombinatorSlot : std::uint32_t {
  kCombValues,     // internal array of results (or errors for any)
  kCombRemaining,  // int32 remainingElementsCount
  kCombResolve,    // capability resolve (all, allSettled) or reject (any)
  kCombSlotCount,
};
// One element's record: the shared record, its index, alreadyCalled.
enum ElementSlot : std::uint32_t { kElemShared, kElemIndex, kElemCalled, kElemSlotCount };

enum class Combinator { kAll, kAllSettled, kAny };

// Finishes a combinator when the count reaches zero.
void combinator_done(VM& vm, Environment* shared, Combinator kind) {
  Rooted rs(vm, Value::cell(shared));
  Object* values = shared->slots[kCombValues].as_object();
  Rooted arr(vm, Value::object(vm.new_array_from(
                     std::span<const Value>(values->elements(), values->element_count()))));
  auto* s = static_cast<Environment*>(rs.get().as_cell());
  if (kind == Combinator::kAny) {
    Rooted err(
        vm, Value::object(vm.make_error(ErrorType::kAggregateError, "All promises were rejected")));
    vm.define_own_property(err.object(), PropertyKey::atom(vm.atoms().errors), arr.get(),
                           attr::kHidden);
    call_settle(vm, s->slots[kCombResolve], true, err.get());
    return;
  }
  call_settle(vm, s->slots[kCombResolve], false, arr.get());
}

Value combinator_element(VM& vm, CallInfo& ci, Combinator kind, const char* status) {
  Environment* rec = data_record(ci);
  if (rec->slots[kElemCalled].is_true()) return Value::undefined();
  rec->slots[kElemCalled] = Value::boolean(true);
  Rooted rrec(vm, Value::cell(rec));
  Rooted x(vm, ci.arg(0));
  Rooted value(vm, x.get());
  if (kind == Combinator::kAllSettled) {
    // { status: "fulfilled", value } or { status: "rejected", reason }.
    bool fulfilled = status[0] == 'f';
    Rooted obj(vm, Value::object(vm.new_object()));
    vm.create_data_property(obj.object(), PropertyKey::atom(vm.atoms().status),
                            Value::string(fulfilled ? vm.atoms().fulfilled : vm.atoms().rejected));
    vm.create_data_property(
        obj.object(), PropertyKey::atom(fulfilled ? vm.atoms().value : vm.atoms().reason), x.get());
    value.set(obj.get());
  }
  auto* r = static_cast<Environment*>(rrec.get().as_cell());
  auto* shared = static_cast<Environment*>(r->slots[kElemShared].as_cell());
  auto index = static_cast<std::uint32_t>(r->slots[kElemIndex].as_int32());
  shared->slots[kCombValues].as_object()->elements()[index] = value.get();
  std::int32_t remaining = shared->slots[kCombRemaining].as_int32() - 1;
  shared->slots[kCombRemaining] = Value::int32(remaining);
  if (remaining == 0) combinator_done(vm, shared, kind);
  return Value::undefined();
}

Value all_resolve_element(VM& vm, CallInfo& ci) {
  return combinator_element(vm, ci, Combinator::kAll, "");
}
Value all_settled_fulfilled(VM& vm, CallInfo& ci) {
  return combinator_element(vm, ci, Combinator::kAllSettled, "fulfilled");
}
Value all_settled_rejected(VM& vm, CallInfo& ci) {
  return combinator_element(vm, ci, Combinator::kAllSettled, "rejected");
}
Value any_reject_element(VM& vm, CallInfo& ci) {
  return combinator_element(vm, ci, Combinator::kAny, "");
}

// The body shared by all / allSettled / any / race (27.2.4.1-5): returns
// the capability's promise; abrupt completions reject it.
Value promise_combinator(VM& vm, CallInfo& ci, Combinator kind, bool race) {
  Rooted c(vm, ci.this_value);
  RootedCapability cap(vm);
  new_promise_capability(vm, c.get(), &cap);
  Rooted iter(vm, Value::undefined());
  bool iter_done = true;
  try {
    Value resolve_fn = vm.get_value(c.get(), PropertyKey::atom(vm.atoms().resolve));
    if (!vm.is_callable(resolve_fn))
      vm.throw_type_error("Promise resolve or reject function is not callable");
    Rooted promise_resolve_fn(vm, resolve_fn);
    iter.set(vm.open_iterator(ci.arg(0)));
    iter_done = false;
    Rooted shared(vm, Value::undefined());
    if (!race) {
      Rooted rec(vm, Value::cell(record(vm, kCombSlotCount)));
      auto* r = static_cast<Environment*>(rec.get().as_cell());
      Object* values = vm.new_array();
      r = static_cast<Environment*>(rec.get().as_cell());
      r->slots[kCombValues] = Value::object(values);
      r->slots[kCombRemaining] = Value::int32(1);
      r->slots[kCombResolve] = kind == Combinator::kAny ? cap.reject() : cap.resolve();
      shared.set(rec.get());
    }
    std::uint32_t index = 0;
    for (;;) {
      Value next;
      bool more;
      try {
        more = vm.iterator_step(iter.get(), &next);
      } catch (JSThrow&) {
        iter_done = true;
        throw;
      }
      if (!more) {
        iter_done = true;
        break;
      }
      Rooted rnext(vm, next);
      Rooted p(vm,
               vm.call(promise_resolve_fn.get(), c.get(), std::span<const Value>(&rnext.ref(), 1)));
      if (race) {
        Value args[2] = {cap.resolve_fn(vm), cap.reject_fn(vm)};
        invoke_then(vm, p.get(), std::span<const Value>(args, 2));
        ++index;
        continue;
      }
      auto* s = static_cast<Environment*>(shared.get().as_cell());
      vm.array_push_internal(s->slots[kCombValues].as_object(), Value::undefined());
      Rooted elem(vm, Value::cell(record(vm, kElemSlotCount)));
      auto* e = static_cast<Environment*>(elem.get().as_cell());
      e->slots[kElemShared] = shared.get();
      e->slots[kElemIndex] = Value::int32(static_cast<std::int32_t>(index));
      e->slots[kElemCalled] = Value::boolean(false);
      Rooted on_ok(vm, Value::undefined());
      Rooted on_err(vm, Value::undefined());
      switch (kind) {
        case Combinator::kAll:
          on_ok.set(closure(vm, all_resolve_element, 1, elem.get()));
          on_err.set(cap.reject_fn(vm));
          break;
        case Combinator::kAllSettled: {
          on_ok.set(closure(vm, all_settled_fulfilled, 1, elem.get()));
          on_err.set(closure(vm, all_settled_rejected, 1, elem.get()));
          break;
        }
        case Combinator::kAny:
          on_ok.set(cap.resolve_fn(vm));
          on_err.set(closure(vm, any_reject_element, 1, elem.get()));
          break;
      }
      s = static_cast<Environment*>(shared.get().as_cell());
      s->slots[kCombRemaining] = Value::int32(s->slots[kCombRemaining].as_int32() + 1);
      Value args[2] = {on_ok.get(), on_err.get()};
      invoke_then(vm, p.get(), std::span<const Value>(args, 2));
      ++index;
    }
    if (!race) {
      auto* s = static_cast<Environment*>(shared.get().as_cell());
      std::int32_t remaining = s->slots[kCombRemaining].as_int32() - 1;
      s->slots[kCombRemaining] = Value::int32(remaining);
      if (remaining == 0) combinator_done(vm, s, kind);
    }
  } catch (JSThrow&) {
    Rooted exc(vm, vm.take_pending_exception());
    if (!iter_done) {
      try {
        vm.iterator_close(iter.get());
      } catch (JSThrow&) {
        vm.take_pending_exception();
      }
    }
    call_settle(vm, cap.reject(), true, exc.get());
  }
  return cap.promise();
}

Value promise_all(VM& vm, CallInfo& ci) {
  return promise_combinator(vm, ci, Combinator::kAll, false);
}
Value promise_all_settled(VM& vm, CallInfo& ci) {
  return promise_combinator(vm, ci, Combinator::kAllSettled, false);
}
Value promise_any(VM& vm, CallInfo& ci) {
  return promise_combinator(vm, ci, Combinator::kAny, false);
}
Value promise_race(VM& vm, CallInfo& ci) {
  return promise_combinator(vm, ci, Combinator::kAll, true);
}

Value promise_species(VM&, CallInfo& ci) {
  return ci.this_value;
}

// ---- jobs (27.2.2) ----

// NewPromiseReactionJob's job.
void run_reaction_job(VM& vm, const Job& job) {
  Rooted reaction(vm, job.a);
  Rooted argument(vm, job.b);
  auto type = static_cast<ReactionType>(job.c.as_int32());
  auto slots = [&] { return static_cast<Environment*>(reaction.get().as_cell())->slots; };
  Value handler = slots()[type == kFulfill ? kOnFulfilled : kOnRejected];
  if (is_coroutine(handler)) {
    // An await's reaction: resume the async function.
    vm.async_resume(handler.as_object(), argument.get(), type == kFulfill ? 0 : 1);
    return;
  }
  Rooted result(vm, argument.get());
  bool abrupt = false;
  if (handler.is_undefined()) {
    abrupt = type == kReject;
  } else {
    try {
      result.set(vm.call(handler, Value::undefined(), std::span<const Value>(&argument.ref(), 1)));
    } catch (JSThrow&) {
      if (vm.terminating()) throw;  // an interrupt is not a rejection
      result.set(vm.take_pending_exception());
      abrupt = true;
    }
  }
  Value settle_fn = slots()[abrupt ? kCapReject : kCapResolve];
  if (slots()[kCapPromise].is_undefined()) return;  // no capability (await)
  call_settle(vm, settle_fn, abrupt, result.get());
}

// NewPromiseResolveThenableJob's job.
void run_resolve_thenable_job(VM& vm, const Job& job) {
  Rooted promise(vm, job.a);
  Rooted thenable(vm, job.b);
  Rooted then(vm, job.c);
  Value res, rej;
  create_resolving_functions(vm, promise.object(), &res, &rej);
  Rooted rres(vm, res);
  Rooted rrej(vm, rej);
  try {
    Value args[2] = {rres.get(), rrej.get()};
    vm.call(then.get(), thenable.get(), std::span<const Value>(args, 2));
  } catch (JSThrow&) {
    if (vm.terminating()) throw;
    Rooted exc(vm, vm.take_pending_exception());
    vm.call(rrej.get(), Value::undefined(), std::span<const Value>(&exc.ref(), 1));
  }
}

}  // namespace

void run_job(VM& vm, const Job& job) {
  switch (job.kind) {
    case Job::Kind::kPromiseReaction:
      run_reaction_job(vm, job);
      break;
    case Job::Kind::kPromiseResolveThenable:
      run_resolve_thenable_job(vm, job);
      break;
    case Job::Kind::kCallback: {
      Rooted fn(vm, job.a);
      vm.call(fn.get(), Value::undefined(), {});
      break;
    }
    case Job::Kind::kCleanup: {
      Rooted fn(vm, job.a);
      Rooted held(vm, job.b);
      vm.call(fn.get(), Value::undefined(), std::span<const Value>(&held.ref(), 1));
      break;
    }
  }
}

Value new_promise(VM& vm) {
  return Value::object(new_promise_with_proto(vm, vm.intrinsics().promise_prototype));
}

void settle_promise(VM& vm, Object* promise, Value value, bool rejected) {
  if (!promise_is_pending(promise)) return;
  if (rejected) {
    settle(vm, promise, kRejected, value);
  } else {
    resolve_promise(vm, promise, value);
  }
}

Object* awaiting_coroutine(Object* promise) {
  Value reactions = promise_record(promise)->slots[kReactions];
  if (!promise_is_pending(promise) || !reactions.is_object()) return nullptr;
  Object* list = reactions.as_object();
  for (std::uint32_t i = 0; i < list->element_count(); ++i) {
    auto* re = static_cast<Environment*>(list->elements()[i].as_cell());
    Value handler = re->slots[kOnFulfilled];
    if (handler.is_object() && handler.as_object()->klass() == ObjectClass::kGenerator) {
      return handler.as_object();
    }
  }
  return nullptr;
}

void await_value(VM& vm, Object* coroutine, Value value) {
  Rooted co(vm, Value::object(coroutine));
  Rooted v(vm, value);
  if (!value.is_object()) {
    // PromiseResolve of a primitive is a promise already fulfilled with it,
    // whose reaction is queued at once: queue the resumption directly (no
    // promise, no reaction record).
    Rooted reaction(vm, Value::cell(record(vm, kReactionSlotCount)));
    auto* re = static_cast<Environment*>(reaction.get().as_cell());
    re->slots[kOnFulfilled] = co.get();
    re->slots[kOnRejected] = co.get();
    vm.jobs().push(
        Job{Job::Kind::kPromiseReaction, reaction.get(), v.get(), Value::int32(kFulfill)});
    return;
  }
  Rooted p(vm, promise_resolve(vm, promise_constructor_value(vm), v.get()));
  perform_promise_then(vm, p.object(), co.get(), co.get(), nullptr);
}

Value promise_resolve_intrinsic(VM& vm, Value x) {
  return promise_resolve(vm, promise_constructor_value(vm), x);
}

Value promise_then_internal(VM& vm, Object* promise, Value on_fulfilled, Value on_rejected,
                            bool derived) {
  Rooted rp(vm, Value::object(promise));
  Rooted f(vm, on_fulfilled);
  Rooted r(vm, on_rejected);
  if (!derived) {
    perform_promise_then(vm, rp.object(), f.get(), r.get(), nullptr);
    return Value::undefined();
  }
  RootedCapability cap(vm);
  new_promise_capability(vm, promise_constructor_value(vm), &cap);
  perform_promise_then(vm, rp.object(), f.get(), r.get(), &cap);
  return cap.promise();
}

Value native_closure(VM& vm, NativeFn fn, std::uint32_t length, Value data) {
  return closure(vm, fn, length, data);
}

bool promise_is_pending(Object* promise) {
  return promise_record(promise)->slots[kState].as_int32() == kPending;
}

void promise_mark_handled(VM& vm, Object* promise) {
  Environment* rec = promise_record(promise);
  if (!rec->slots[kIsHandled].is_true()) forget_unhandled(vm, Value::object(promise));
  rec->slots[kIsHandled] = Value::boolean(true);
}

Value promise_result_of(Object* promise, bool* rejected) {
  Environment* rec = promise_record(promise);
  *rejected = rec->slots[kState].as_int32() == kRejected;
  return rec->slots[kResult];
}

void install_promise(VM& vm, Object* global) {
  Intrinsics& in = vm.intrinsics();
  in.promise_prototype = vm.new_object_with_proto(in.object_prototype);
  Rooted proto(vm, Value::object(in.promise_prototype));
  NativeFunction* ctor = make_constructor(vm, global, "Promise", promise_ctor, 1, proto.object());
  in.promise_constructor = ctor;
  Rooted rc(vm, Value::object(ctor));
  vm.define_native(rc.object(), "resolve", promise_static_resolve, 1);
  vm.define_native(rc.object(), "reject", promise_static_reject, 1);
  vm.define_native(rc.object(), "all", promise_all, 1);
  vm.define_native(rc.object(), "allSettled", promise_all_settled, 1);
  vm.define_native(rc.object(), "any", promise_any, 1);
  vm.define_native(rc.object(), "race", promise_race, 1);
  vm.define_getter(rc.object(), PropertyKey::symbol(in.symbol_species), "[Symbol.species]",
                   promise_species);
  in.promise_then = vm.define_native(proto.object(), "then", promise_then, 2);
  vm.define_native(proto.object(), "catch", promise_catch, 1);
  vm.define_native(proto.object(), "finally", promise_finally, 1);
  vm.define_own_property(proto.object(), PropertyKey::symbol(in.symbol_to_string_tag),
                         Value::string(vm.intern("Promise")), attr::kConfigurable);
}

}  // namespace kite::vm::builtins
