// Generators (ECMA-262 27.5): one suspension mechanism, frames on the heap.
//
// A generator object (ObjectClass::kGenerator) keeps its record in its
// internal value: an Environment cell whose slots hold the state, the
// function, the frame's environment, the resume pc, the registers that
// receive a resume's value and mode, the arguments, then every register of
// the frame. GenStart (after FunctionDeclarationInstantiation) makes the
// object and saves the frame; Yield saves it again and leaves the
// interpreter; VM::generator_resume pushes the saved registers back onto
// the register stack as an entry frame and runs the same interpreter loop
// from the saved pc. No C++ stack is kept per suspended generator, and a
// suspended frame is a GC root only through its generator object.
#pragma once

#include <cstdint>

#include "objects/environment.h"
#include "objects/object.h"
#include "vm/vm.h"

namespace kite::vm {

enum class GeneratorState : std::int32_t {
  kSuspendedStart,
  kSuspendedYield,
  kExecuting,
  kCompleted
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

// One step of yield* (27.5.3.x, 15.5.5 step 7): calls the inner iterator's
// next / throw / return with `received` and returns its result object.
Value yield_delegate_step(VM& vm, Value iter, ResumeMode mode, Value received);

}  // namespace kite::vm
