// setTimeout, setInterval, clearTimeout, clearInterval (as WinterTC
// runtimes give them: numeric ids, a delay clamped at 0, extra arguments
// passed to the callback) and queueMicrotask. The queues are the VM's
// (vm/jobs.h); the embedder runs them (Engine::run_jobs, run_due_timers).
#include <cmath>

#include "builtins/builtins.h"

namespace kite::vm::builtins {

namespace {

Value schedule(VM& vm, CallInfo& ci, bool repeat) {
  Value callback = ci.arg(0);
  if (!vm.is_callable(callback)) {
    vm.throw_type_error(
        std::string("The \"callback\" argument must be of type function. Received ") +
        vm.describe(callback));
  }
  Rooted rc(vm, callback);
  double delay = ci.argc > 1 ? vm.to_number(ci.arg(1)) : 0;
  if (!(delay >= 1) || !std::isfinite(delay)) delay = repeat ? 1 : 0;
  std::vector<Value> args;
  for (std::uint32_t i = 2; i < ci.argc; ++i) args.push_back(ci.arg(i));
  std::uint32_t id =
      vm.timers().add(vm.now_ms(), delay, repeat ? delay : -1, rc.get(), std::move(args));
  return Value::number(id);
}

Value set_timeout(VM& vm, CallInfo& ci) {
  return schedule(vm, ci, false);
}

Value set_interval(VM& vm, CallInfo& ci) {
  return schedule(vm, ci, true);
}

Value clear_timer(VM& vm, CallInfo& ci) {
  Value id = ci.arg(0);
  if (id.is_number()) {
    double d = id.as_number();
    if (d >= 1 && d <= 4294967295.0) vm.timers().cancel(static_cast<std::uint32_t>(d));
  }
  return Value::undefined();
}

Value queue_microtask(VM& vm, CallInfo& ci) {
  Value callback = ci.arg(0);
  if (!vm.is_callable(callback)) {
    vm.throw_type_error(
        std::string("The \"callback\" argument must be of type function. Received ") +
        vm.describe(callback));
  }
  vm.jobs().push(Job{Job::Kind::kCallback, callback, Value::undefined(), Value::undefined()});
  return Value::undefined();
}

}  // namespace

void install_timers(VM& vm, Object* global) {
  vm.define_native(global, "setTimeout", set_timeout, 2);
  vm.define_native(global, "setInterval", set_interval, 2);
  vm.define_native(global, "clearTimeout", clear_timer, 1);
  vm.define_native(global, "clearInterval", clear_timer, 1);
  vm.define_native(global, "queueMicrotask", queue_microtask, 1);
}

}  // namespace kite::vm::builtins
