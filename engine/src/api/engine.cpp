// kite::Engine: parse -> compile -> run, and error reports.
#include <kite/engine/engine.h>
#include <kite/engine/host.h>

#include <filesystem>
#include <string>

#include "api/internal.h"
#include "builtins/builtins.h"
#include "compiler/compiler.h"
#include "objects/object.h"
#include "parser/parser.h"
#include "vm/disassembler.h"
#include "vm/vm.h"

namespace kite {

namespace {

// "file:line:col: SyntaxError: msg" + the source line + a caret under the column.
std::string syntax_error_report(std::string_view source, std::string_view filename,
                                std::uint32_t line, std::uint32_t column, const std::string& msg) {
  std::string out = std::string(filename) + ":" + std::to_string(line) + ":" +
                    std::to_string(column) + ": SyntaxError: " + msg + "\n";
  std::size_t start = 0;
  for (std::uint32_t l = 1; l < line && start < source.size(); ++l) {
    std::size_t nl = source.find('\n', start);
    if (nl == std::string_view::npos) {
      start = source.size();
      break;
    }
    start = nl + 1;
  }
  std::size_t end = source.find('\n', start);
  if (end == std::string_view::npos) end = source.size();
  std::string_view text = source.substr(start, end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  out += std::string(text) + "\n";
  // Column counts UTF-16 units; tabs are kept so the caret lines up.
  std::string caret;
  std::uint32_t col = 1;
  for (std::size_t i = 0; i < text.size() && col < column; ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;
    caret += c == '\t' ? '\t' : ' ';
    col += c >= 0xF0 ? 2 : 1;
  }
  out += caret + "^\n";
  return out;
}

Completion syntax_error_completion(std::string_view source, std::string_view filename,
                                   const parser::SyntaxError& e) {
  Completion c;
  c.ok = false;
  c.is_syntax_error = true;
  c.message = "SyntaxError: " + e.message;
  c.report = syntax_error_report(source, filename, e.line, e.column, e.message);
  return c;
}

// The pending exception (a script's or module's uncaught error, or an
// interrupt) taken from the VM into a failed Completion.
Completion exception_completion(vm::VM& vm) {
  Completion c;
  vm::Value exc = vm.take_pending_exception();
  vm::Rooted re(vm, exc);
  c.ok = false;
  c.interrupted = vm.terminating();
  vm.clear_termination();
  describe_exception(vm, re.get(), &c);
  return c;
}

}  // namespace

Engine::Engine(const EngineOptions& options)
    : vm_(std::make_unique<vm::VM>(options)), host_(std::make_unique<Host>(*vm_)) {}

vm::VM& internal_vm(Engine& engine) {
  return *engine.vm_;
}

Engine::~Engine() = default;

Completion Engine::run_script(std::string_view source, std::string_view filename) {
  Completion c;
  parser::ParseResult parsed = parser::parse(source, filename);
  if (!parsed.ok()) return syntax_error_completion(source, filename, parsed.error());
  vm::VM& vm = *vm_;
  vm::FunctionTemplate* tmpl = nullptr;
  try {
    tmpl = compiler::compile(vm, parsed.program(), source, filename);
  } catch (const compiler::CompileError& e) {
    c.ok = false;
    c.is_syntax_error = true;
    c.message = "SyntaxError: " + e.message;
    c.report = syntax_error_report(source, filename, e.line, e.column, e.message);
    return c;
  } catch (vm::JSThrow&) {
    // Out of memory while building constants.
  }
  if (tmpl != nullptr && vm.options().print_bytecode) vm.write_err(vm::disassemble(tmpl));
  if (tmpl == nullptr) {
    vm.take_pending_exception();
    c.ok = false;
    c.message = "RangeError: out of memory";
    c.report = "Uncaught RangeError: out of memory\n";
    return c;
  }
  try {
    vm.run_script(tmpl);
  } catch (vm::JSThrow&) {
    return exception_completion(vm);
  }
  return c;
}

bool Engine::parses_only_as_module(std::string_view source) {
  if (parser::parse(source, "", false).ok()) return false;
  return parser::parse(source, "", true).ok();
}

Completion Engine::run_module(std::string_view source, std::string_view filename) {
  Completion c;
  // The module's identity is its absolute path: imports of it (cycles)
  // must find this record.
  std::string path(filename);
  {
    std::error_code ec;
    std::filesystem::path p = std::filesystem::absolute(path, ec).lexically_normal();
    std::filesystem::path canonical = std::filesystem::canonical(p, ec);
    path = ec ? p.string() : canonical.string();
  }
  parser::ParseResult parsed = parser::parse(source, path, true);
  if (!parsed.ok()) return syntax_error_completion(source, filename, parsed.error());
  vm::VM& vm = *vm_;
  try {
    vm::ModuleRecord* m = vm.load_parsed_module(parsed.program(), source, path);
    entry_module_ = m;
    vm.modules().entry = m;
    vm.link_module(m);
    vm.evaluate_module(m);
  } catch (vm::JSThrow&) {
    vm::Value exc = vm.pending_exception();
    bool syntax =
        exc.is_object() && exc.as_object()->proto() == vm.intrinsics().syntax_error_prototype;
    c = exception_completion(vm);
    c.is_syntax_error = syntax;  // a module of the graph that does not parse or link
    return c;
  }
  return module_result();
}

Completion Engine::module_result(bool* pending) {
  if (pending != nullptr) *pending = false;
  Completion c;
  auto* m = static_cast<vm::ModuleRecord*>(entry_module_);
  if (m == nullptr) return c;
  vm::VM& vm = *vm_;
  vm::ModuleRecord* root = m->capability.is_object() ? m : m->cycle_root;
  if (root == nullptr || !root->capability.is_object()) return c;
  vm::Object* promise = root->capability.as_object();
  if (vm::builtins::promise_is_pending(promise)) {
    if (pending != nullptr) *pending = true;
    return c;
  }
  bool rejected = false;
  vm::Value v = vm::builtins::promise_result_of(promise, &rejected);
  if (!rejected) return c;
  vm::builtins::promise_mark_handled(vm, promise);
  c.ok = false;
  describe_exception(vm, v, &c);
  return c;
}

void describe_exception(vm::VM& vm, vm::Value exc, Completion* c) {
  vm::Rooted re(vm, exc);
  // Formatting may allocate past a memory limit that was just hit.
  vm.heap().enter_no_gc();
  struct Leave {
    vm::VM& vm;
    ~Leave() { vm.heap().leave_no_gc(); }
  } leave{vm};
  try {
    if (exc.is_object() && exc.as_object()->klass() == vm::ObjectClass::kError) {
      // The header reflects the error's current name and message (a
      // subclass may set `name` after construction); frames come from the
      // stack captured when it was created.
      vm::Value stack = vm.get(exc.as_object(), vm::PropertyKey::atom(vm.atoms().stack));
      vm::Rooted rs(vm, stack);
      vm::Value str = vm::Value::string(vm.to_string(re.get()));
      c->message = str.as_string()->to_utf8();
      std::string frames;
      if (rs.get().is_string()) {
        std::string st = rs.get().as_string()->to_utf8();
        std::size_t at = st.find("\n    at ");
        if (at != std::string::npos) frames = st.substr(at);
      }
      c->report = c->message + frames + "\n";
      return;
    }
    c->message = "Uncaught " + vm::builtins::inspect(vm, re.get());
    c->report = c->message + "\n";
  } catch (vm::JSThrow&) {
    vm.take_pending_exception();
    c->message = "Uncaught exception";
    c->report = "Uncaught exception (could not be converted to a string)\n";
  }
}

Completion Engine::call_global(std::string_view name, double arg, std::string* result) {
  Completion c;
  vm::VM& vm = *vm_;
  try {
    vm::String* n = vm.new_string_utf8(name);
    vm::Value fn;
    if (!vm.lookup_global(vm.atomize(n), &fn) || !vm.is_callable(fn)) {
      c.ok = false;
      c.message = "TypeError: " + std::string(name) + " is not a function";
      c.report = c.message + "\n";
      return c;
    }
    vm::Value a = vm::Value::number(arg);
    vm::Rooted r(vm, vm.call(fn, vm::Value::undefined(), std::span<const vm::Value>(&a, 1)));
    if (r.get().is_object() && r.get().as_object()->klass() == vm::ObjectClass::kPromise) {
      // An async function's result: run jobs until its promise settles.
      while (vm::builtins::promise_is_pending(r.object()) && !vm.jobs().empty()) {
        if (vm.interrupt_requested.load(std::memory_order_relaxed) != 0) vm.handle_interrupt();
        vm::builtins::run_job(vm, vm.jobs().pop());
      }
      if (vm::builtins::promise_is_pending(r.object())) {
        c.ok = false;
        c.message = "Error: " + std::string(name) + "() returned a promise that never settled";
        c.report = c.message + "\n";
        return c;
      }
      bool rejected = false;
      vm::Value v = vm::builtins::promise_result_of(r.object(), &rejected);
      vm::builtins::promise_mark_handled(vm, r.object());
      if (rejected) vm.throw_value(v);
      r.set(v);
    }
    if (result != nullptr) *result = vm.to_string(r.get())->to_utf8();
  } catch (vm::JSThrow&) {
    vm::Value exc = vm.take_pending_exception();
    c.ok = false;
    c.interrupted = vm.terminating();
    vm.clear_termination();
    describe_exception(vm, exc, &c);
  }
  return c;
}

namespace {

// A thrown value as a Completion (an interrupt says so).
Completion completion_of_throw(vm::VM& vm) {
  Completion c;
  c.ok = false;
  vm::Rooted exc(vm, vm.take_pending_exception());
  c.interrupted = vm.terminating();
  vm.clear_termination();
  describe_exception(vm, exc.get(), &c);
  return c;
}

}  // namespace

Completion Engine::run_jobs() {
  vm::VM& vm = *vm_;
  vm.kept_objects().clear();  // the script (or handler) that ran before is done
  try {
    while (!vm.jobs().empty()) {
      // Jobs are short calls with no loop back-edge to poll at: poll here,
      // so a queue that never empties still ends at an interrupt.
      if (vm.interrupt_requested.load(std::memory_order_relaxed) != 0) vm.handle_interrupt();
      vm::builtins::run_job(vm, vm.jobs().pop());
      vm.kept_objects().clear();
    }
  } catch (vm::JSThrow&) {
    vm.kept_objects().clear();
    Completion c = completion_of_throw(vm);
    // Interrupted work is abandoned, with the jobs it would have queued.
    if (c.interrupted) vm.jobs() = vm::JobQueue();
    return c;
  }
  return Completion{};
}

bool Engine::has_pending_jobs() const {
  return !vm_->jobs().empty() || !vm_->unhandled_rejections().empty();
}

Completion Engine::take_unhandled_rejection() {
  vm::VM& vm = *vm_;
  auto& list = vm.unhandled_rejections();
  if (list.empty()) return Completion{};
  vm::Rooted promise(vm, list.front());
  list.clear();
  bool rejected = false;
  vm::Rooted reason(vm, vm::builtins::promise_result_of(promise.get().as_object(), &rejected));
  Completion c;
  c.ok = false;
  describe_exception(vm, reason.get(), &c);
  // An Error's report starts with its "Name: message" line; other values
  // are described as "Uncaught <value>".
  const std::string uncaught = "Uncaught ";
  if (c.report.rfind(uncaught, 0) == 0) c.report.erase(0, uncaught.size());
  if (c.message.rfind(uncaught, 0) == 0) c.message.erase(0, uncaught.size());
  c.report = "Uncaught (in promise) " + c.report;
  c.message = "Uncaught (in promise) " + c.message;
  return c;
}

double Engine::next_timer_delay_ms() {
  return vm_->timers().next_delay_ms(vm_->now_ms());
}

Completion Engine::run_due_timers() {
  vm::VM& vm = *vm_;
  vm::TimerQueue::Timer timer;
  while (vm.timers().take_due(vm.now_ms(), &timer)) {
    vm::Rooted fn(vm, timer.callback);
    std::vector<vm::Value> args = std::move(timer.args);
    for (vm::Value& v : args) vm.push_root(&v);
    struct Unroot {
      vm::VM& vm;
      std::size_t n;
      ~Unroot() {
        for (std::size_t i = 0; i < n; ++i) vm.pop_root();
      }
    } unroot{vm, args.size()};
    try {
      vm.call(fn.get(), vm::Value::undefined(), args);
    } catch (vm::JSThrow&) {
      return completion_of_throw(vm);
    }
    Completion c = run_jobs();
    if (!c.ok) return c;
  }
  return Completion{};
}

void Engine::request_interrupt(std::uint32_t token) {
  vm_->interrupt_requested.store(token == 0 ? 1 : token, std::memory_order_relaxed);
}

void Engine::set_interrupt_token(std::uint32_t token) {
  vm_->interrupt_token = token;
  vm_->interrupt_requested.store(0, std::memory_order_relaxed);
}

void Engine::collect_garbage() {
  vm_->heap().collect();
}

EngineCounters Engine::counters() const {
  EngineCounters out;
  out.ic_hits = vm_->counters().ic_hits;
  out.ic_misses = vm_->counters().ic_misses;
  out.gc_collections = vm_->heap().collections();
  out.bytes_allocated = vm_->heap().total_allocated();
  return out;
}

void Engine::reset_counters() {
  vm_->counters() = vm::Counters();
}

std::size_t Engine::heap_size() const {
  return vm_->heap().bytes_in_use();
}

}  // namespace kite
