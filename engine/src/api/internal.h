// The engine's side of the public API: what engine code and the engine's
// white-box unit tests use to reach behind kite::Engine. Never included
// outside engine/ and tests/unit/engine.
#pragma once

#include <kite/engine/engine.h>

#include "vm/vm.h"

namespace kite {

vm::VM& internal_vm(Engine& engine);

// Fills *c from an exception value: message and report with the stack, as
// Engine::run_script reports an uncaught exception.
void describe_exception(vm::VM& vm, vm::Value exc, Completion* c);

}  // namespace kite
