#include "vm/generator.h"

#include "builtins/builtins.h"
#include "objects/function.h"

namespace kite::vm {

namespace {

enum GenSlot : std::uint32_t {
  kState,     // int32 GeneratorState
  kFunction,  // the generator function (JSFunction)
  kEnv,       // the frame's environment (cell) or undefined
  kPc,        // int32 resume offset into the template's code
  kReceived,  // int32 register receiving the sent value
  kMode,      // int32 register receiving the ResumeMode
  kArgc,      // int32
  kPromise,   // async functions: the promise the call returned
  kFixed,     // then argc arguments, then the frame's registers
};

Environment* record_of(Object* gen) {
  return static_cast<Environment*>(gen->internal().as_cell());
}

Value* saved_registers(Environment* rec) {
  return &rec->slots[kFixed + static_cast<std::uint32_t>(rec->slots[kArgc].as_int32())];
}

}  // namespace

Object* generator_create(VM& vm, const Frame& f) {
  Rooted fn(vm, Value::object(f.callee));
  bool is_generator = f.tmpl->has(FunctionTemplate::kGenerator);
  bool is_async = f.tmpl->has(FunctionTemplate::kAsync) && !is_generator;  // an async function
  bool async_gen = is_generator && f.tmpl->has(FunctionTemplate::kAsync);
  Value proto;
  Shape* shape = f.callee->shape();
  if (is_async) {
    proto = Value::undefined();
  } else if (shape == vm.intrinsics().generator_function_shape ||
             shape == vm.intrinsics().async_generator_function_shape) {
    proto = f.callee->slot(2);  // `prototype`, a data property in its birth slot
  } else {
    proto = vm.get(f.callee, PropertyKey::atom(vm.atoms().prototype));
  }
  Object* fallback =
      async_gen ? vm.intrinsics().async_generator_prototype : vm.intrinsics().generator_prototype;
  Rooted rp(vm, proto.is_object() ? proto : Value::object(fallback));
  std::uint32_t size = kFixed + f.argc + f.tmpl->num_registers;
  Environment* rec = vm.new_environment(nullptr, size);
  rec->slots[kState] = Value::int32(static_cast<std::int32_t>(GeneratorState::kSuspendedStart));
  rec->slots[kFunction] = fn.get();
  rec->slots[kArgc] = Value::int32(static_cast<std::int32_t>(f.argc));
  for (std::uint32_t i = 0; i < f.argc; ++i) rec->slots[kFixed + i] = f.argv[i];
  rec->slots[kPromise] = Value::undefined();
  Rooted rr(vm, Value::cell(rec));
  if (is_async) {
    Value promise = builtins::new_promise(vm);
    static_cast<Environment*>(rr.get().as_cell())->slots[kPromise] = promise;
  }
  Object* gen = vm.new_object_of_class(
      async_gen ? ObjectClass::kAsyncGenerator : ObjectClass::kGenerator, rp.object(), 0);
  gen->set_internal(rr.get());
  return gen;
}

// Pushes a coroutine's saved frame as an entry frame, resumed at its saved
// pc; with `write_sent`, the instruction it stopped at receives `sent` and
// `mode`. The frame's registers are the record's own slots: resuming and
// suspending copy nothing, and the frame takes no register stack (its
// stack_base is the current top, where the frames it calls begin).
void VM::push_suspended_frame(Object* co, Value sent, int mode, bool write_sent) {
  Environment* rec = record_of(co);
  auto* fn = static_cast<JSFunction*>(rec->slots[kFunction].as_object());
  FunctionTemplate* t = fn->tmpl;
  check_stack();
  Value* regs = saved_registers(rec);
  if (write_sent) {
    regs[rec->slots[kReceived].as_int32()] = sent;
    regs[rec->slots[kMode].as_int32()] = Value::int32(mode);
  }
  Value env = rec->slots[kEnv];
  frames_.push_back(Frame{fn, t, regs, t->code.data() + rec->slots[kPc].as_int32(),
                          &rec->slots[kFixed],
                          static_cast<std::uint32_t>(rec->slots[kArgc].as_int32()),
                          env.is_undefined() ? nullptr : static_cast<Environment*>(env.as_cell()),
                          Value::undefined(), 0, false, true, stack_top_});
}

GeneratorState generator_state(Object* co) {
  return static_cast<GeneratorState>(record_of(co)->slots[kState].as_int32());
}

void set_generator_state(Object* co, GeneratorState state) {
  record_of(co)->slots[kState] = Value::int32(static_cast<std::int32_t>(state));
}

// An async generator keeps its request queue where an async function keeps
// its promise.
Value async_generator_queue(Object* co) {
  return record_of(co)->slots[kPromise];
}

void set_async_generator_queue(Object* co, Value head) {
  record_of(co)->slots[kPromise] = head;
}

// Runs an async generator suspended at its start or at a yield with the
// request at the head of its queue (AsyncGeneratorResume, 27.6.3.5): the
// frame runs as an entry frame until it yields with no request queued,
// awaits, or completes.
void VM::async_generator_resume(Object* gen_object, Value value, int mode) {
  Rooted gen(*this, Value::object(gen_object));
  Rooted sent(*this, value);
  bool started = generator_state(gen.object()) == GeneratorState::kSuspendedYield;
  push_suspended_frame(gen.object(), sent.get(), mode, started);
  set_generator_state(gen.object(), GeneratorState::kExecuting);
  execute(frames_.size() - 1);
}

Value async_promise(Object* co) {
  return record_of(co)->slots[kPromise];
}

JSFunction* coroutine_function(Object* co) {
  return static_cast<JSFunction*>(record_of(co)->slots[kFunction].as_object());
}

std::uint32_t coroutine_resume_offset(Object* co) {
  return static_cast<std::uint32_t>(record_of(co)->slots[kPc].as_int32());
}

Value coroutine_this(Object* co) {
  return saved_registers(record_of(co))[0];
}

void async_finish(VM& vm, Object* co, Value value, bool rejected) {
  if (co->klass() == ObjectClass::kAsyncGenerator) {
    async_generator_complete(vm, co, value, rejected);
    return;
  }
  Environment* rec = record_of(co);
  rec->slots[kState] = Value::int32(static_cast<std::int32_t>(GeneratorState::kCompleted));
  Rooted promise(vm, rec->slots[kPromise]);
  builtins::settle_promise(vm, promise.object(), value, rejected);
}

// Resumes an async function suspended at an await (from the promise job
// of what it awaited): the frame runs as an entry frame until its next
// await or its end (AsyncReturn / AsyncThrow settle the promise).
void VM::async_resume(Object* co_object, Value value, int mode) {
  Rooted co(*this, Value::object(co_object));
  Rooted sent(*this, value);
  push_suspended_frame(co.object(), sent.get(), mode, true);
  execute(frames_.size() - 1);
}

void generator_save(Object* gen, const Frame& f, const std::uint16_t* resume_pc,
                    std::uint16_t received, std::uint16_t mode) {
  Environment* rec = record_of(gen);
  rec->slots[kEnv] = f.env != nullptr ? Value::cell(f.env) : Value::undefined();
  rec->slots[kPc] = Value::int32(static_cast<std::int32_t>(resume_pc - f.tmpl->code.data()));
  rec->slots[kReceived] = Value::int32(received);
  rec->slots[kMode] = Value::int32(mode);
  // A frame running on the register stack (the first suspension) moves its
  // registers into the record; a resumed one already runs in them.
  Value* saved = saved_registers(rec);
  if (f.regs != saved) {
    for (std::uint32_t i = 0; i < f.tmpl->num_registers; ++i) saved[i] = f.regs[i];
  }
}

// GeneratorResume / GeneratorResumeAbrupt (27.5.3.3-4), without the
// iterator result object: *out is the yielded or returned value.
VM::ResumeOutcome VM::resume_generator(Object* gen_object, Value value, int mode_int, Value* out) {
  auto mode = static_cast<ResumeMode>(mode_int);
  Rooted gen(*this, Value::object(gen_object));
  Rooted sent(*this, value);
  Environment* rec = record_of(gen.object());
  auto state = static_cast<GeneratorState>(rec->slots[kState].as_int32());
  if (state == GeneratorState::kExecuting) throw_type_error("Generator is already running");
  if (state == GeneratorState::kSuspendedStart && mode != ResumeMode::kNext) {
    rec->slots[kState] = Value::int32(static_cast<std::int32_t>(GeneratorState::kCompleted));
    state = GeneratorState::kCompleted;
  }
  if (state == GeneratorState::kCompleted) {
    if (mode == ResumeMode::kThrow) throw_value(sent.get());
    *out = mode == ResumeMode::kReturn ? sent.get() : Value::undefined();
    return ResumeOutcome::kReturned;
  }
  push_suspended_frame(gen.object(), sent.get(), mode_int,
                       state == GeneratorState::kSuspendedYield);
  rec = record_of(gen.object());
  rec->slots[kState] = Value::int32(static_cast<std::int32_t>(GeneratorState::kExecuting));
  suspended_ = 0;
  try {
    *out = execute(frames_.size() - 1);
  } catch (JSThrow&) {
    record_of(gen.object())->slots[kState] =
        Value::int32(static_cast<std::int32_t>(GeneratorState::kCompleted));
    suspended_ = 0;
    throw;
  }
  int how = suspended_;
  suspended_ = 0;
  rec = record_of(gen.object());
  if (how != 0) {
    rec->slots[kState] = Value::int32(static_cast<std::int32_t>(GeneratorState::kSuspendedYield));
    return how == 2 ? ResumeOutcome::kYieldedRaw : ResumeOutcome::kYielded;
  }
  rec->slots[kState] = Value::int32(static_cast<std::int32_t>(GeneratorState::kCompleted));
  return ResumeOutcome::kReturned;
}

Value VM::generator_resume(Value gen_value, Value value, int mode, std::string_view method) {
  if (!gen_value.is_object() || gen_value.as_object()->klass() != ObjectClass::kGenerator) {
    throw_type_error(std::string(method) + " method called on incompatible receiver " +
                     describe(gen_value));
  }
  Value out;
  ResumeOutcome how = resume_generator(gen_value.as_object(), value, mode, &out);
  if (how == ResumeOutcome::kYieldedRaw) return out;  // already an iterator result (yield*)
  return builtins::create_iter_result(*this, out, how == ResumeOutcome::kReturned);
}

// An inner iterator's result object: done is read (IteratorComplete), the
// value is left for the generator to read only when done.
Value result_state(VM& vm, Value result, DelegateState* state) {
  Rooted rres(vm, result);
  bool done = VM::to_boolean(vm.get(rres.object(), PropertyKey::atom(vm.atoms().done)));
  *state = done ? DelegateState::kDoneResult : DelegateState::kResult;
  return rres.get();
}

Value yield_delegate_step(VM& vm, Value iter_value, ResumeMode mode, Value received,
                          DelegateState* state) {
  Rooted rr(vm, received);
  Rooted iter(vm, iter_value);
  Rooted next(vm, Value::undefined());
  Object* io = iter_value.as_object();
  if (io->klass() == ObjectClass::kIteratorRecord) {
    Value target = io->elements()[0];
    if (mode == ResumeMode::kNext &&
        io->elements()[1] == Value::object(vm.intrinsics().generator_next) && target.is_object() &&
        target.as_object()->klass() == ObjectClass::kGenerator) {
      // A generator with the built-in next: resume it directly; what it
      // yields is passed on as a value, with no result object between.
      Value v;
      VM::ResumeOutcome how = vm.resume_generator(target.as_object(), rr.get(), 0, &v);
      if (how == VM::ResumeOutcome::kYieldedRaw) {
        Rooted rv(vm, v);
        return result_state(vm, rv.get(), state);
      }
      *state =
          how == VM::ResumeOutcome::kReturned ? DelegateState::kDoneValue : DelegateState::kValue;
      return v;
    }
    next.set(io->elements()[1]);
    iter.set(io->elements()[0]);
  } else if (mode == ResumeMode::kNext) {
    // GetIter kept a built-in iterator (array, string, Map, Set) only with
    // its built-in next: step it directly.
    Value v;
    bool more = vm.builtin_iterator_next(io, &v);
    *state = more ? DelegateState::kValue : DelegateState::kDoneValue;
    return more ? v : Value::undefined();
  } else {
    next.set(vm.get(io, PropertyKey::atom(vm.atoms().next)));
  }
  Value result;
  switch (mode) {
    case ResumeMode::kNext:
      result = vm.call(next.get(), iter.get(), std::span<const Value>(&rr.ref(), 1));
      break;
    case ResumeMode::kThrow: {
      Value thrower = vm.get_method(iter.get(), PropertyKey::atom(vm.atoms().throw_));
      if (thrower.is_undefined()) {
        // No throw method: close the iterator, then a TypeError (27.5.3.x
        // step 7.b.iii).
        Value ret = vm.get_method(iter.get(), PropertyKey::atom(vm.atoms().return_));
        if (!ret.is_undefined()) {
          Value r = vm.call(ret, iter.get(), {});
          if (!r.is_object()) vm.throw_type_error("Iterator result is not an object");
        }
        vm.throw_type_error("The iterator does not provide a 'throw' method");
      }
      result = vm.call(thrower, iter.get(), std::span<const Value>(&rr.ref(), 1));
      break;
    }
    case ResumeMode::kReturn: {
      Value ret = vm.get_method(iter.get(), PropertyKey::atom(vm.atoms().return_));
      if (ret.is_undefined()) {
        *state = DelegateState::kDoneValue;
        return rr.get();
      }
      result = vm.call(ret, iter.get(), std::span<const Value>(&rr.ref(), 1));
      break;
    }
  }
  if (!result.is_object()) {
    vm.throw_type_error("Iterator result " + vm.describe(result) + " is not an object");
  }
  Rooted rres(vm, result);
  return result_state(vm, rres.get(), state);
}

}  // namespace kite::vm
