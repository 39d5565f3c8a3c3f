// Generators (ECMA-262 27.5): one suspension mechanism, frames on the heap.
//
// A generator object (ObjectClass::kGenerator; kAsyncGenerator and async
// functions use the same record) keeps its record in its internal value: an
// Environment cell whose slots hold the state, the function, the frame's
// environment, the resume pc, the registers that receive a resume's value
// and mode, the arguments, then every register of the frame. GenStart
// (after FunctionDeclarationInstantiation) makes the object and moves the
// frame's registers into the record; Yield saves the pc and leaves the
// interpreter; VM::generator_resume pushes an entry frame whose registers
// are the record's slots and runs the same interpreter loop from the saved
// pc, so no register is copied again. No C++ stack is kept per suspended
// generator, and a suspended frame is a GC root only through its generator
// object.
#pragma once

#include <cstdint>

#include "objects/environment.h"
#include "objects/object.h"
#include "vm/bytecode.h"
#include "vm/vm.h"

namespace kite::vm {

enum class GeneratorState : std::int32_t {
  kSuspendedStart,
  kSuspendedYield,
  kExecuting,
  kCompleted,
  kAwaitingReturn,  // async generators: return() awaiting its value (27.6.3.9)
};
// How a generator is resumed: the `mode` its yield sees.
enum class ResumeMode : std::int32_t { kNext = 0, kThrow = 1, kReturn = 2 };

// The generator object for the running frame (GenStart): its prototype is
// the callee's `prototype` property when that is an object, else
// %GeneratorPrototype%.
Object* generator_create(VM& vm, const Frame& f);
// Saves the frame into the generator: resume at `resume_pc`, writing the
// sent value to register `received` and the mode to register `mode`.
void generator_save(Object* gen, const Frame& f, const std::uint16_t* resume_pc,
                    std::uint16_t received, std::uint16_t mode);
// Async functions share the record: their promise, and settling it when
// the body completes (AsyncReturn / AsyncThrow).
Value async_promise(Object* co);
void async_finish(VM& vm, Object* co, Value value, bool rejected);
// A suspended coroutine's function, the offset it resumes at and its
// `this` (error.stack's async frames, vm/stack_trace.cpp).
JSFunction* coroutine_function(Object* co);
std::uint32_t coroutine_resume_offset(Object* co);
Value coroutine_this(Object* co);

// One step of yield* (15.5.5 step 7, sync): calls the inner iterator's next /
// throw / return with `received` (a generator or built-in iterator with its
// built-in next is stepped directly) and says in *state what it returns.
Value yield_delegate_step(VM& vm, Value iter, ResumeMode mode, Value received,
                          DelegateState* state);

// The coroutine record's state, and an async generator's request queue
// (its head node; builtins/async_iteration.cpp).
GeneratorState generator_state(Object* co);
void set_generator_state(Object* co, GeneratorState state);
Value async_generator_queue(Object* co);
void set_async_generator_queue(Object* co, Value head);

// ---- async generators and async iteration (builtins/async_iteration.cpp) ----

// Completes an async generator's body (AsyncReturn / AsyncThrow): settles
// the front request done, then drains the queue (27.6.3.3 step 4).
void async_generator_complete(VM& vm, Object* gen, Value value, bool rejected);
// AsyncYield: AsyncGeneratorYield (27.6.3.8) of the value in the
// instruction's value register. True when a request is already queued: its
// value and mode are in the received and mode registers and the frame goes
// on; false when the frame was saved and must leave.
bool async_generator_yield(VM& vm, const Frame& f, const std::uint16_t* pc);
// GetIterator(obj, async) (7.4.3): an iterator record (kIteratorRecord),
// through CreateAsyncFromSyncIterator when obj has only Symbol.iterator.
Value get_async_iterator(VM& vm, Value obj);
// Call(record.next, record.iterator) with no argument.
Value async_iterator_next(VM& vm, Value record);
// The return method of a record's iterator called with no argument, or
// false (nothing called) when it has none.
bool async_iterator_return(VM& vm, Value record, Value* out);
// yield* in an async generator (15.5.5 step 7): one call of next / throw /
// return. `*mode` becomes 3 for a return the iterator has no method for
// (await the received value, then return it) and 4 for a throw it has no
// method for (its return was called: await that result, then TypeError).
Value async_yield_delegate_step(VM& vm, Value record, std::int32_t* mode, Value received);
// IterResult: TypeError unless `result` is an object; true when it is done,
// else its value in *out.
bool iterator_result_step(VM& vm, Value result, Value* out);

}  // namespace kite::vm
