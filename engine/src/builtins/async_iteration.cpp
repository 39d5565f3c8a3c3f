// Async iteration (ECMA-262 27.1.3-4, 27.4, 27.6): %AsyncIteratorPrototype%,
// async generators and their request queue, %AsyncFromSyncIteratorPrototype%,
// and the steps of for-await and yield* the interpreter calls.
//
// An async generator is a generator record (vm/generator.cpp) whose promise
// slot holds a queue of requests: each next / return / throw call appends
// a node {mode, value, promise, next} and, when the generator is suspended,
// resumes it. A yield settles the head request's promise and goes on at once
// when another request is queued (no suspension, no C++ recursion); the
// body's end settles the head and drains the rest. Awaits inside the body
// suspend as in an async function.
#include "builtins/builtins.h"
#include "vm/generator.h"
#include "vm/iteration.h"

namespace kite::vm {

namespace {

enum RequestSlot : std::uint32_t { kReqMode, kReqValue, kReqPromise, kReqNext, kReqSlotCount };

Environment* node_of(Value v) {
  return static_cast<Environment*>(v.as_cell());
}

bool is_async_generator(Value v) {
  return v.is_object() && v.as_object()->klass() == ObjectClass::kAsyncGenerator;
}

// AsyncGeneratorEnqueue (27.6.3.4).
void enqueue(VM& vm, Object* gen, ResumeMode mode, Value value, Value promise) {
  Rooted rg(vm, Value::object(gen));
  Rooted rv(vm, value);
  Rooted rp(vm, promise);
  Environment* n = vm.new_environment(nullptr, kReqSlotCount);
  n->slots[kReqMode] = Value::int32(static_cast<std::int32_t>(mode));
  n->slots[kReqValue] = rv.get();
  n->slots[kReqPromise] = rp.get();
  n->slots[kReqNext] = Value::undefined();
  Value head = async_generator_queue(rg.object());
  if (head.is_undefined()) {
    set_async_generator_queue(rg.object(), Value::cell(n));
    return;
  }
  Environment* last = node_of(head);
  while (!last->slots[kReqNext].is_undefined()) last = node_of(last->slots[kReqNext]);
  last->slots[kReqNext] = Value::cell(n);
}

// AsyncGeneratorCompleteStep (27.6.3.6): removes the head request and
// settles its promise with the completion.
void complete_step(VM& vm, Object* gen, Value value, bool rejected, bool done) {
  Environment* head = node_of(async_generator_queue(gen));
  set_async_generator_queue(gen, head->slots[kReqNext]);
  Rooted promise(vm, head->slots[kReqPromise]);
  Rooted rv(vm, value);
  if (rejected) {
    builtins::settle_promise(vm, promise.object(), rv.get(), true);
    return;
  }
  Rooted result(vm, builtins::create_iter_result(vm, rv.get(), done));
  builtins::settle_promise(vm, promise.object(), result.get(), false);
}

void drain_queue(VM& vm, Object* gen);

Value await_return_fulfilled(VM& vm, CallInfo& ci) {
  Rooted gen(vm, static_cast<NativeFunction*>(ci.callee)->data);
  set_generator_state(gen.object(), GeneratorState::kCompleted);
  complete_step(vm, gen.object(), ci.arg(0), false, true);
  drain_queue(vm, gen.object());
  return Value::undefined();
}

Value await_return_rejected(VM& vm, CallInfo& ci) {
  Rooted gen(vm, static_cast<NativeFunction*>(ci.callee)->data);
  set_generator_state(gen.object(), GeneratorState::kCompleted);
  complete_step(vm, gen.object(), ci.arg(0), true, true);
  drain_queue(vm, gen.object());
  return Value::undefined();
}

// AsyncGeneratorAwaitReturn (27.6.3.9): the head request is a return; its
// value is awaited before the generator completes with it.
void await_return(VM& vm, Object* gen_object) {
  Rooted gen(vm, Value::object(gen_object));
  Rooted value(vm, node_of(async_generator_queue(gen.object()))->slots[kReqValue]);
  Rooted promise(vm, Value::undefined());
  try {
    promise.set(builtins::promise_resolve_intrinsic(vm, value.get()));
  } catch (JSThrow&) {
    if (vm.terminating()) throw;
    Rooted exc(vm, vm.take_pending_exception());
    set_generator_state(gen.object(), GeneratorState::kCompleted);
    complete_step(vm, gen.object(), exc.get(), true, true);
    drain_queue(vm, gen.object());
    return;
  }
  Rooted on_ful(vm, builtins::native_closure(vm, await_return_fulfilled, 1, gen.get()));
  Rooted on_rej(vm, builtins::native_closure(vm, await_return_rejected, 1, gen.get()));
  builtins::promise_then_internal(vm, promise.object(), on_ful.get(), on_rej.get(), false);
}

// AsyncGeneratorDrainQueue (27.6.3.10).
void drain_queue(VM& vm, Object* gen_object) {
  Rooted gen(vm, Value::object(gen_object));
  for (;;) {
    Value head = async_generator_queue(gen.object());
    if (head.is_undefined()) return;
    auto mode = static_cast<ResumeMode>(node_of(head)->slots[kReqMode].as_int32());
    if (mode == ResumeMode::kReturn) {
      set_generator_state(gen.object(), GeneratorState::kAwaitingReturn);
      await_return(vm, gen.object());
      return;
    }
    Value v = mode == ResumeMode::kThrow ? node_of(head)->slots[kReqValue] : Value::undefined();
    complete_step(vm, gen.object(), v, mode == ResumeMode::kThrow, true);
  }
}

// AsyncGenerator.prototype.next / return / throw (27.6.1.2-4).
Value async_generator_request(VM& vm, CallInfo& ci, ResumeMode mode, std::string_view method) {
  Rooted promise(vm, builtins::new_promise(vm));
  Rooted value(vm, ci.arg(0));
  if (!is_async_generator(ci.this_value)) {
    Rooted err(vm, Value::object(vm.make_error(ErrorType::kTypeError,
                                               std::string(method) +
                                                   " method called on incompatible receiver " +
                                                   vm.describe(ci.this_value))));
    builtins::settle_promise(vm, promise.object(), err.get(), true);
    return promise.get();
  }
  Rooted gen(vm, ci.this_value);
  GeneratorState state = generator_state(gen.object());
  if (mode == ResumeMode::kThrow && state == GeneratorState::kSuspendedStart) {
    set_generator_state(gen.object(), GeneratorState::kCompleted);
    state = GeneratorState::kCompleted;
  }
  if (state == GeneratorState::kCompleted && mode != ResumeMode::kReturn) {
    if (mode == ResumeMode::kThrow) {
      builtins::settle_promise(vm, promise.object(), value.get(), true);
    } else {
      Rooted result(vm, builtins::create_iter_result(vm, Value::undefined(), true));
      builtins::settle_promise(vm, promise.object(), result.get(), false);
    }
    return promise.get();
  }
  enqueue(vm, gen.object(), mode, value.get(), promise.get());
  if (mode == ResumeMode::kReturn &&
      (state == GeneratorState::kSuspendedStart || state == GeneratorState::kCompleted)) {
    set_generator_state(gen.object(), GeneratorState::kAwaitingReturn);
    await_return(vm, gen.object());
  } else if (state == GeneratorState::kSuspendedStart || state == GeneratorState::kSuspendedYield) {
    vm.async_generator_resume(gen.object(), value.get(), static_cast<int>(mode));
  }
  return promise.get();
}

Value async_generator_next(VM& vm, CallInfo& ci) {
  return async_generator_request(vm, ci, ResumeMode::kNext, "AsyncGenerator.prototype.next");
}
Value async_generator_return(VM& vm, CallInfo& ci) {
  return async_generator_request(vm, ci, ResumeMode::kReturn, "AsyncGenerator.prototype.return");
}
Value async_generator_throw(VM& vm, CallInfo& ci) {
  return async_generator_request(vm, ci, ResumeMode::kThrow, "AsyncGenerator.prototype.throw");
}

Value async_iterator_self(VM&, CallInfo& ci) {
  return ci.this_value;
}

// ---- %AsyncFromSyncIteratorPrototype% (27.1.4) ----

Value iterator_record(VM& vm, Value iterator, Value next) {
  Rooted ri(vm, iterator);
  Rooted rn(vm, next);
  Object* rec = vm.new_object_of_class(ObjectClass::kIteratorRecord, nullptr, 0);
  Rooted rr(vm, Value::object(rec));
  vm.ensure_elements(rr.object(), 2);
  rr.object()->elements()[0] = ri.get();
  rr.object()->elements()[1] = rn.get();
  vm.set_elements_length(rr.object(), 2);
  return rr.get();
}

Value rejected_promise(VM& vm, Value reason) {
  Rooted r(vm, reason);
  Rooted promise(vm, builtins::new_promise(vm));
  builtins::settle_promise(vm, promise.object(), r.get(), true);
  return promise.get();
}

Value rejected_with_pending(VM& vm) {
  if (vm.terminating()) throw;  // called in a catch block: an interrupt goes on
  Rooted exc(vm, vm.take_pending_exception());
  return rejected_promise(vm, exc.get());
}

Value rejected_type_error(VM& vm, std::string_view message) {
  Rooted err(vm, Value::object(vm.make_error(ErrorType::kTypeError, message)));
  return rejected_promise(vm, err.get());
}

Value from_sync_unwrap(VM& vm, CallInfo& ci) {
  return builtins::create_iter_result(vm, ci.arg(0),
                                      static_cast<NativeFunction*>(ci.callee)->data.is_true());
}

// The onRejected of a next / throw whose value was a rejected promise:
// IteratorClose(syncIteratorRecord, ThrowCompletion(error)).
Value from_sync_close(VM& vm, CallInfo& ci) {
  Rooted error(vm, ci.arg(0));
  Rooted rec(vm, static_cast<NativeFunction*>(ci.callee)->data);
  try {
    vm.iterator_close(rec.get());
  } catch (JSThrow&) {
    if (vm.terminating()) throw;
    vm.take_pending_exception();
  }
  vm.throw_value(error.get());
}

// AsyncFromSyncIteratorContinuation (27.1.4.4).
Value from_sync_continuation(VM& vm, Value result_value, Value sync_record,
                             bool close_on_rejection) {
  Rooted result(vm, result_value);
  Rooted rec(vm, sync_record);
  bool done;
  Rooted value(vm, Value::undefined());
  Rooted wrapper(vm, Value::undefined());
  try {
    done = VM::to_boolean(vm.get(result.object(), PropertyKey::atom(vm.atoms().done)));
    value.set(vm.get(result.object(), PropertyKey::atom(vm.atoms().value)));
  } catch (JSThrow&) {
    return rejected_with_pending(vm);
  }
  try {
    wrapper.set(builtins::promise_resolve_intrinsic(vm, value.get()));
  } catch (JSThrow&) {
    if (vm.terminating()) throw;
    Rooted exc(vm, vm.take_pending_exception());
    if (!done && close_on_rejection) {
      try {
        vm.iterator_close(rec.get());
      } catch (JSThrow&) {
        if (vm.terminating()) throw;
        vm.take_pending_exception();
      }
    }
    return rejected_promise(vm, exc.get());
  }
  Rooted on_ful(vm, builtins::native_closure(vm, from_sync_unwrap, 1, Value::boolean(done)));
  Rooted on_rej(vm, Value::undefined());
  if (!done && close_on_rejection) {
    on_rej.set(builtins::native_closure(vm, from_sync_close, 1, rec.get()));
  }
  return builtins::promise_then_internal(vm, wrapper.object(), on_ful.get(), on_rej.get(), true);
}

Value sync_record_of(VM& vm, CallInfo& ci, std::string_view method) {
  if (!ci.this_value.is_object() ||
      ci.this_value.as_object()->klass() != ObjectClass::kAsyncFromSyncIterator) {
    vm.throw_type_error(std::string(method) + " called on incompatible receiver");
  }
  return ci.this_value.as_object()->internal();
}

Value from_sync_next(VM& vm, CallInfo& ci) {
  Rooted rec(vm, sync_record_of(vm, ci, "%AsyncFromSyncIteratorPrototype%.next"));
  Rooted result(vm, Value::undefined());
  try {
    Value* r = rec.object()->elements();
    Rooted iter(vm, r[0]);
    Rooted next(vm, r[1]);
    std::span<const Value> args =
        ci.argc > 0 ? std::span<const Value>(ci.args, 1) : std::span<const Value>();
    result.set(vm.call(next.get(), iter.get(), args));
    if (!result.get().is_object()) {
      vm.throw_type_error("Iterator result " + vm.describe(result.get()) + " is not an object");
    }
  } catch (JSThrow&) {
    return rejected_with_pending(vm);
  }
  return from_sync_continuation(vm, result.get(), rec.get(), true);
}

Value from_sync_return(VM& vm, CallInfo& ci) {
  Rooted rec(vm, sync_record_of(vm, ci, "%AsyncFromSyncIteratorPrototype%.return"));
  Rooted iter(vm, rec.object()->elements()[0]);
  Rooted result(vm, Value::undefined());
  try {
    Value ret = vm.get_method(iter.get(), PropertyKey::atom(vm.atoms().return_));
    if (ret.is_undefined()) {
      Rooted done(vm, builtins::create_iter_result(vm, ci.arg(0), true));
      Rooted promise(vm, builtins::new_promise(vm));
      builtins::settle_promise(vm, promise.object(), done.get(), false);
      return promise.get();
    }
    std::span<const Value> args =
        ci.argc > 0 ? std::span<const Value>(ci.args, 1) : std::span<const Value>();
    result.set(vm.call(ret, iter.get(), args));
  } catch (JSThrow&) {
    return rejected_with_pending(vm);
  }
  if (!result.get().is_object()) {
    return rejected_type_error(
        vm, "Iterator result " + vm.describe(result.get()) + " is not an object");
  }
  return from_sync_continuation(vm, result.get(), rec.get(), false);
}

Value from_sync_throw(VM& vm, CallInfo& ci) {
  Rooted rec(vm, sync_record_of(vm, ci, "%AsyncFromSyncIteratorPrototype%.throw"));
  Rooted iter(vm, rec.object()->elements()[0]);
  Rooted result(vm, Value::undefined());
  try {
    Value thrower = vm.get_method(iter.get(), PropertyKey::atom(vm.atoms().throw_));
    if (thrower.is_undefined()) {
      // No throw method: close the iterator, then reject with a TypeError.
      vm.iterator_close(rec.get());
      return rejected_type_error(vm, "The iterator does not provide a 'throw' method");
    }
    result.set(vm.call(thrower, iter.get(), std::span<const Value>(ci.args, ci.argc > 0 ? 1 : 0)));
  } catch (JSThrow&) {
    return rejected_with_pending(vm);
  }
  if (!result.get().is_object()) {
    return rejected_type_error(
        vm, "Iterator result " + vm.describe(result.get()) + " is not an object");
  }
  return from_sync_continuation(vm, result.get(), rec.get(), true);
}

}  // namespace

// ---- what the interpreter calls ----

void async_generator_complete(VM& vm, Object* gen_object, Value value, bool rejected) {
  Rooted gen(vm, Value::object(gen_object));
  set_generator_state(gen.object(), GeneratorState::kCompleted);
  complete_step(vm, gen.object(), value, rejected, true);
  drain_queue(vm, gen.object());
}

bool async_generator_yield(VM& vm, const Frame& f, const std::uint16_t* pc) {
  complete_step(vm, f.regs[pc[1]].as_object(), f.regs[pc[4]], false, false);
  Object* gen = f.regs[pc[1]].as_object();
  Value head = async_generator_queue(gen);
  if (!head.is_undefined()) {
    // A request is already waiting: go on with it, not suspended.
    f.regs[pc[2]] = node_of(head)->slots[kReqValue];
    f.regs[pc[3]] = node_of(head)->slots[kReqMode];
    return true;
  }
  generator_save(gen, f, pc + 5, pc[2], pc[3]);
  set_generator_state(gen, GeneratorState::kSuspendedYield);
  return false;
}

Value get_async_iterator(VM& vm, Value obj) {
  Rooted ro(vm, obj);
  Intrinsics& in = vm.intrinsics();
  Value method = obj.is_nullish()
                     ? Value::undefined()
                     : vm.get_method(obj, PropertyKey::symbol(in.symbol_async_iterator));
  if (method.is_undefined()) {
    Value sync = ro.get().is_nullish()
                     ? Value::undefined()
                     : vm.get_method(ro.get(), PropertyKey::symbol(in.symbol_iterator));
    if (sync.is_undefined()) {
      vm.throw_type_error((ro.get().is_object() ? std::string("object") : vm.describe(ro.get())) +
                          " is not async iterable");
    }
    Rooted rs(vm, sync);
    Value it = vm.call(rs.get(), ro.get(), {});
    if (!it.is_object())
      vm.throw_type_error("Result of the Symbol.iterator method is not an object");
    Rooted ri(vm, it);
    Rooted next(vm, vm.get(ri.object(), PropertyKey::atom(vm.atoms().next)));
    Rooted sync_rec(vm, iterator_record(vm, ri.get(), next.get()));
    Object* from = vm.new_object_of_class(ObjectClass::kAsyncFromSyncIterator,
                                          vm.intrinsics().async_from_sync_iterator_prototype, 0);
    from->set_internal(sync_rec.get());
    Rooted rf(vm, Value::object(from));
    Rooted fnext(vm, vm.get(rf.object(), PropertyKey::atom(vm.atoms().next)));
    return iterator_record(vm, rf.get(), fnext.get());
  }
  Rooted rm(vm, method);
  Value it = vm.call(rm.get(), ro.get(), {});
  if (!it.is_object()) {
    vm.throw_type_error("Result of the Symbol.asyncIterator method is not an object");
  }
  Rooted ri(vm, it);
  Rooted next(vm, vm.get(ri.object(), PropertyKey::atom(vm.atoms().next)));
  return iterator_record(vm, ri.get(), next.get());
}

bool iterator_result_step(VM& vm, Value result, Value* out) {
  if (!result.is_object()) {
    vm.throw_type_error("Iterator result " + vm.describe(result) + " is not an object");
  }
  Rooted rr(vm, result);
  if (VM::to_boolean(vm.get(rr.object(), PropertyKey::atom(vm.atoms().done)))) return true;
  *out = vm.get(rr.object(), PropertyKey::atom(vm.atoms().value));
  return false;
}

Value async_iterator_next(VM& vm, Value record) {
  Value* r = record.as_object()->elements();
  return vm.call(r[1], r[0], {});
}

bool async_iterator_return(VM& vm, Value record, Value* out) {
  Rooted rec(vm, record);
  Value ret =
      vm.get_method(record.as_object()->elements()[0], PropertyKey::atom(vm.atoms().return_));
  if (ret.is_undefined()) return false;
  *out = vm.call(ret, rec.object()->elements()[0], {});
  return true;
}

Value async_yield_delegate_step(VM& vm, Value record, std::int32_t* mode, Value received) {
  Rooted rec(vm, record);
  Rooted rr(vm, received);
  Rooted iter(vm, record.as_object()->elements()[0]);
  switch (static_cast<ResumeMode>(*mode)) {
    case ResumeMode::kNext:
      return vm.call(rec.object()->elements()[1], iter.get(), std::span<const Value>(&rr.ref(), 1));
    case ResumeMode::kThrow: {
      Value thrower = vm.get_method(iter.get(), PropertyKey::atom(vm.atoms().throw_));
      if (!thrower.is_undefined()) {
        return vm.call(thrower, iter.get(), std::span<const Value>(&rr.ref(), 1));
      }
      Value ret = vm.get_method(iter.get(), PropertyKey::atom(vm.atoms().return_));
      if (ret.is_undefined()) vm.throw_type_error("The iterator does not provide a 'throw' method");
      *mode = 4;
      return vm.call(ret, iter.get(), {});
    }
    case ResumeMode::kReturn: {
      Value ret = vm.get_method(iter.get(), PropertyKey::atom(vm.atoms().return_));
      if (ret.is_undefined()) {
        *mode = 3;
        return Value::undefined();
      }
      return vm.call(ret, iter.get(), std::span<const Value>(&rr.ref(), 1));
    }
  }
  return Value::undefined();
}

// ---- installation ----

namespace builtins {

void install_async_iteration(VM& vm, Object*) {
  Intrinsics& in = vm.intrinsics();
  Rooted aip(vm, Value::object(vm.new_object_with_proto(in.object_prototype)));
  in.async_iterator_prototype = aip.object();
  vm.define_native(aip.object(), PropertyKey::symbol(in.symbol_async_iterator),
                   "[Symbol.asyncIterator]", async_iterator_self, 0);

  Rooted fn_proto(vm, Value::object(vm.new_object_with_proto(in.function_prototype)));
  Rooted gen_proto(vm, Value::object(vm.new_object_with_proto(aip.object())));
  in.async_generator_function_prototype = fn_proto.object();
  in.async_generator_prototype = gen_proto.object();
  builtins::install_function_kind_constructor(vm, "AsyncGeneratorFunction", fn_proto.object());
  vm.define_own_property(fn_proto.object(), PropertyKey::atom(vm.atoms().prototype),
                         gen_proto.get(), attr::kConfigurable);
  vm.define_own_property(gen_proto.object(), PropertyKey::atom(vm.atoms().constructor),
                         fn_proto.get(), attr::kConfigurable);
  vm.define_own_property(fn_proto.object(), PropertyKey::symbol(in.symbol_to_string_tag),
                         Value::string(vm.intern("AsyncGeneratorFunction")), attr::kConfigurable);
  vm.define_own_property(gen_proto.object(), PropertyKey::symbol(in.symbol_to_string_tag),
                         Value::string(vm.intern("AsyncGenerator")), attr::kConfigurable);
  vm.define_native(gen_proto.object(), "next", async_generator_next, 1);
  vm.define_native(gen_proto.object(), "return", async_generator_return, 1);
  vm.define_native(gen_proto.object(), "throw", async_generator_throw, 1);
  Shape* root = vm.root_shape_for(fn_proto.object());
  Shape* len = root->add(vm, PropertyKey::atom(vm.atoms().length), attr::kConfigurable);
  Shape* name = len->add(vm, PropertyKey::atom(vm.atoms().name), attr::kConfigurable);
  in.async_generator_function_shape =
      name->add(vm, PropertyKey::atom(vm.atoms().prototype), attr::kWritable);

  Rooted from_proto(vm, Value::object(vm.new_object_with_proto(aip.object())));
  in.async_from_sync_iterator_prototype = from_proto.object();
  vm.define_native(from_proto.object(), "next", from_sync_next, 1);
  vm.define_native(from_proto.object(), "return", from_sync_return, 1);
  vm.define_native(from_proto.object(), "throw", from_sync_throw, 1);
}

}  // namespace builtins

}  // namespace kite::vm
