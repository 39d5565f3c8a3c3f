// kite::Engine — the public face of the JavaScript engine.
//
// An Engine owns one isolated JavaScript world: its heap, its global object
// and its interpreter. It is not thread-safe; use one Engine per thread (the
// runtime gives each worker its own). Nothing in this header exposes engine
// internals: values cross the boundary as strings or through callbacks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace kite {

namespace vm {
class VM;
}  // namespace vm

class Host;

// Thrown (as a C++ exception) by the engine when a JavaScript exception is
// pending: it unwinds native code back to the interpreter or the embedder
// (host.h says when an embedder sees one and what to do with it).
struct ScriptThrow {};

struct EngineOptions {
  // Heap limit in bytes; 0 means unlimited. Exceeding it raises a catchable
  // RangeError ("out of memory") in the running script.
  std::size_t memory_limit = 0;
  // The heap collects when it has doubled since the last collection, but
  // never below this many bytes (0: the default, 4 MiB). `kite serve` uses
  // 1 MiB: its live set is small and its RSS matters.
  std::size_t gc_min_threshold = 0;
  // Collect garbage at every allocation (tests only: very slow).
  bool gc_stress = false;
  // Write a listing of the compiled bytecode to `err` before running
  // (kite run --print-bytecode).
  bool print_bytecode = false;
  // Maximum depth of nested JavaScript calls before
  // "RangeError: Maximum call stack size exceeded".
  std::uint32_t max_call_depth = 10000;
  // Seed for Math.random; 0 picks one per process.
  std::uint64_t random_seed = 0;
  // Where console.log / console.error write; default stdout / stderr.
  std::function<void(std::string_view)> out;
  std::function<void(std::string_view)> err;
};

// The outcome of running or calling script code.
struct Completion {
  bool ok = true;
  // On error: "SyntaxError: message" or "TypeError: message" etc.
  std::string message;
  // On error: the full report as `kite run` prints it: for syntax errors
  // "file:line:col: SyntaxError: msg" + the source line + a caret; for
  // uncaught exceptions "Uncaught Error: msg" + the stack frames.
  std::string report;
  bool is_syntax_error = false;
  // The run was stopped by request_interrupt() (no JS handler ran).
  bool interrupted = false;
};

// Counters the harness reads (docs/harness.md). Monotonic since creation
// or the last reset_counters().
struct EngineCounters {
  std::uint64_t ic_hits = 0;
  std::uint64_t ic_misses = 0;
  std::uint64_t gc_collections = 0;
  std::uint64_t bytes_allocated = 0;
  std::uint64_t instructions = 0;  // only counted in builds with KITE_COUNT_OPS
};

class Engine {
 public:
  explicit Engine(const EngineOptions& options = {});
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Compiles and runs `source` as a strict-mode script named `filename`.
  Completion run_script(std::string_view source, std::string_view filename);

  // Loads `source` as the ES module in the file `filename` (its imports
  // resolve against that path and load from files), links and evaluates
  // it. A module that awaits at top level goes on as jobs run:
  // module_result() tells how it ended.
  Completion run_module(std::string_view source, std::string_view filename);
  // After run_jobs: the last run_module's evaluation. Its error when it
  // rejected; ok otherwise, with *pending (when given) set while it has not
  // settled (a top-level await still waiting).
  Completion module_result(bool* pending = nullptr);
  // True when `source` is not a valid script but is a valid module (it
  // has import/export or a top-level await): `kite run` then runs it as one.
  static bool parses_only_as_module(std::string_view source);

  // ---- jobs and timers: the embedder's event loop drives them ----
  // Runs queued jobs (promise reactions, queueMicrotask callbacks, and the
  // jobs those queue) until none remain. Stops at the first job that
  // throws (a queueMicrotask callback; promise handlers reject their
  // promise instead), with the error in the Completion and the remaining
  // jobs still queued; or at an interrupt, which empties the queue.
  Completion run_jobs();
  // True when run_jobs or take_unhandled_rejection has something to do
  // (cheap: embedders call it after every script call).
  bool has_pending_jobs() const;
  // After run_jobs: the first promise rejected with no handler attached,
  // as an error ("Uncaught (in promise) ..." with the reason's stack), and
  // forgets them all. ok when there is none.
  Completion take_unhandled_rejection();
  // Milliseconds until the next timer (setTimeout/setInterval) is due: 0
  // when one is due now, -1 when none is scheduled.
  double next_timer_delay_ms();
  // Runs every timer due now, each followed by run_jobs(); stops at the
  // first error, as run_jobs does.
  Completion run_due_timers();

  // Calls the global function `name` with numeric argument `arg`; on success
  // stores the result converted to a string (as String(x) would) in *result.
  // A promise result (an async function) is awaited: queued jobs run until
  // it settles, and a rejection is the Completion's error.
  Completion call_global(std::string_view name, double arg, std::string* result);

  // Asks the running script to stop at its next loop back-edge with an
  // uncatchable error; the Completion then has `interrupted` set. The one
  // member that is safe to call from another thread (a watchdog).
  void request_interrupt(std::uint32_t token = 1);
  // From now on only request_interrupt(token) stops scripts (0: any token).
  // Also drops an interrupt still pending from before. Owner thread only.
  void set_interrupt_token(std::uint32_t token);

  // Runs a full garbage collection now.
  void collect_garbage();

  EngineCounters counters() const;
  void reset_counters();

  // Bytes currently held by the heap.
  std::size_t heap_size() const;

  // The embedding interface of this engine (host.h).
  Host& host() { return *host_; }

 private:
  friend vm::VM& internal_vm(Engine& engine);  // engine/src/api/internal.h
  std::unique_ptr<vm::VM> vm_;
  std::unique_ptr<Host> host_;
  void* entry_module_ = nullptr;  // vm::ModuleRecord of the last run_module
};

// "kite-engine 0.1.0 (commit, compiler, build type)".
std::string engine_version();

}  // namespace kite
