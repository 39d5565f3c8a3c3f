// ES modules: loading (specifier -> file -> parsed, compiled record),
// linking (16.2.1.5.3.1 Link, InitializeEnvironment, ResolveExport),
// evaluation with top-level await (16.2.1.5.3.2 Evaluate and the async
// module algorithms of 16.2.1.5.3.3-9), namespaces (16.2.1.10), import()
// and import.meta. See vm/modules.h.
#include "vm/modules.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "builtins/builtins.h"
#include "compiler/compiler.h"
#include "objects/function.h"
#include "objects/string.h"
#include "parser/parser.h"
#include "util/unicode.h"
#include "vm/vm.h"

namespace kite::vm {

namespace fs = std::filesystem;

void ModuleRecord::trace(Heap& heap) {
  if (body != nullptr) heap.mark(reinterpret_cast<Cell*>(body));
  if (init != nullptr) heap.mark(reinterpret_cast<Cell*>(init));
  if (env != nullptr) heap.mark(reinterpret_cast<Cell*>(env));
  if (namespace_object != nullptr) heap.mark(namespace_object);
  if (meta != nullptr) heap.mark(meta);
  heap.mark(error);
  heap.mark(capability);
  for (String* s : ns_names) heap.mark(s);
  for (Value v : ns_refs) heap.mark(v);
}

namespace {

// "%41" -> "A" in a file: URL's path.
std::string percent_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto hex = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string file_url(const std::string& path) {
  std::string out = "file://";
  for (char c : path) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 ||
        std::string_view("/-._~!$&'()*+,;=:@").find(c) != std::string_view::npos) {
      out += c;
    } else {
      static const char* const kHex = "0123456789ABCDEF";
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

}  // namespace

bool resolve_module_specifier(const std::string& specifier, const std::string& referrer,
                              std::string* out, std::string* error) {
  fs::path p;
  if (specifier.rfind("file://", 0) == 0) {
    p = fs::path(percent_decode(specifier.substr(7)));
  } else if (!specifier.empty() && specifier[0] == '/') {
    p = fs::path(specifier);
  } else if (specifier == "." || specifier == ".." || specifier.rfind("./", 0) == 0 ||
             specifier.rfind("../", 0) == 0) {
    std::error_code ec;
    fs::path base = referrer.empty() ? fs::current_path(ec) : fs::path(referrer).parent_path();
    p = base / specifier;
  } else {
    *error = "Cannot resolve '" + specifier + "'" +
             (referrer.empty() ? std::string() : " imported from " + referrer) +
             ": a bare specifier (a package name) is not supported; Kite loads modules by "
             "relative ('./', '../') or absolute ('/', 'file://') path";
    return false;
  }
  if (p.is_relative()) {
    std::error_code ec;
    p = fs::current_path(ec) / p;
  }
  p = p.lexically_normal();
  std::error_code ec;
  fs::path canonical = fs::canonical(p, ec);
  if (ec || !fs::is_regular_file(canonical, ec)) {
    *error = "Cannot find module '" + p.string() + "'" +
             (referrer.empty() ? std::string() : " imported from " + referrer);
    return false;
  }
  *out = canonical.string();
  return true;
}

// ---- loading ----

namespace {

// A SyntaxError whose stack names the place in the module's file.
[[noreturn]] void throw_module_syntax_error(VM& vm, const std::string& path,
                                            const std::string& message, std::uint32_t line,
                                            std::uint32_t column) {
  Object* e = vm.make_error(ErrorType::kSyntaxError, message);
  Rooted re(vm, Value::object(e));
  std::string stack = "SyntaxError: " + message + "\n    at " + path + ":" + std::to_string(line) +
                      ":" + std::to_string(column);
  vm.define_own_property(re.object(), PropertyKey::atom(vm.atoms().stack),
                         Value::string(vm.new_string_utf8(stack)), attr::kHidden);
  vm.throw_value(re.get());
}

}  // namespace

ModuleRecord* VM::load_module_source(std::string_view source, const std::string& path) {
  auto found = modules_.by_path.find(path);
  if (found != modules_.by_path.end()) return found->second;
  parser::ParseResult parsed = parser::parse(source, path, true);
  if (!parsed.ok()) {
    const parser::SyntaxError& e = parsed.error();
    throw_module_syntax_error(*this, path, e.message, e.line, e.column);
  }
  return load_parsed_module(parsed.program(), source, path);
}

ModuleRecord* VM::load_parsed_module(const parser::Program& program, std::string_view source,
                                     const std::string& path) {
  auto found = modules_.by_path.find(path);
  if (found != modules_.by_path.end()) return found->second;
  modules_.records.push_back(std::make_unique<ModuleRecord>());
  ModuleRecord* m = modules_.records.back().get();
  m->index = static_cast<std::uint32_t>(modules_.records.size() - 1);
  m->path = path;
  try {
    compiler::compile_module(*this, program, source, path, m);
  } catch (const compiler::CompileError& e) {
    throw_module_syntax_error(*this, path, e.message, e.line, e.column);
  }
  m->env = new_environment(nullptr, m->env_size);
  // Registered before its imports load, so a cycle finds it.
  modules_.by_path[path] = m;
  try {
    m->loaded.resize(m->requests.size(), nullptr);
    for (std::size_t i = 0; i < m->requests.size(); ++i) {
      m->loaded[i] = load_module(m->requests[i], path);
    }
  } catch (JSThrow&) {
    // A graph that failed to load is forgotten: a later import tries again.
    modules_.by_path.erase(path);
    throw;
  }
  return m;
}

ModuleRecord* VM::load_module(const std::string& specifier, const std::string& referrer) {
  std::string path;
  std::string error;
  if (!resolve_module_specifier(specifier, referrer, &path, &error)) throw_type_error(error);
  auto found = modules_.by_path.find(path);
  if (found != modules_.by_path.end()) return found->second;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_type_error("Cannot read module '" + path + "'");
  std::ostringstream text;
  text << in.rdbuf();
  return load_module_source(text.str(), path);
}

// ---- linking ----

namespace {

constexpr std::int32_t kNamespaceSlot = -1;

struct Resolution {
  enum Kind { kNull, kAmbiguous, kFound } kind = kNull;
  ModuleRecord* module = nullptr;
  std::int32_t slot = 0;  // kNamespaceSlot: the module's namespace
};

// ResolveExport (16.2.1.6.3).
Resolution resolve_export(ModuleRecord* m, const std::u16string& name,
                          std::vector<std::pair<ModuleRecord*, std::u16string>>& seen) {
  for (const auto& [sm, sn] : seen) {
    if (sm == m && sn == name) return {};  // a circular import request
  }
  seen.emplace_back(m, name);
  for (const auto& e : m->local_exports) {
    if (e.export_name == name) {
      return {Resolution::kFound, m, static_cast<std::int32_t>(e.slot)};
    }
  }
  for (const auto& e : m->indirect_exports) {
    if (e.export_name != name) continue;
    ModuleRecord* imported = m->loaded[e.request];
    if (e.import_name == kAllButDefault) return {Resolution::kFound, imported, kNamespaceSlot};
    return resolve_export(imported, e.import_name, seen);
  }
  if (name == u"default") return {};
  Resolution star;
  for (std::uint32_t r : m->star_exports) {
    Resolution res = resolve_export(m->loaded[r], name, seen);
    if (res.kind == Resolution::kAmbiguous) return res;
    if (res.kind != Resolution::kFound) continue;
    if (star.kind == Resolution::kNull) {
      star = res;
    } else if (star.module != res.module || star.slot != res.slot) {
      return {Resolution::kAmbiguous, nullptr, 0};
    }
  }
  return star;
}

Resolution resolve_export(ModuleRecord* m, const std::u16string& name) {
  std::vector<std::pair<ModuleRecord*, std::u16string>> seen;
  return resolve_export(m, name, seen);
}

// GetExportedNames (16.2.1.6.2).
void exported_names(ModuleRecord* m, std::vector<ModuleRecord*>& visited,
                    std::vector<std::u16string>& out) {
  if (std::find(visited.begin(), visited.end(), m) != visited.end()) return;
  visited.push_back(m);
  for (const auto& e : m->local_exports) out.push_back(e.export_name);
  for (const auto& e : m->indirect_exports) out.push_back(e.export_name);
  for (std::uint32_t r : m->star_exports) {
    std::vector<std::u16string> star;
    exported_names(m->loaded[r], visited, star);
    for (auto& n : star) {
      if (n != u"default" && std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    }
  }
}

[[noreturn]] void throw_unresolved(VM& vm, ModuleRecord* importer, std::uint32_t request,
                                   const std::u16string& name, bool ambiguous, std::uint32_t line,
                                   std::uint32_t column) {
  std::string n = util::utf16_to_utf8(name);
  std::string msg = "The requested module '" + importer->requests[request] + "' " +
                    (ambiguous ? "contains conflicting star exports for name '" + n + "'"
                               : "does not provide an export named '" + n + "'");
  throw_module_syntax_error(vm, importer->path, msg, line, column);
}

}  // namespace

namespace {

// An import reference to `resolution` (vm/modules.h).
Value import_reference(VM& vm, const Resolution& r) {
  if (r.slot == kNamespaceSlot) {
    Object* ns = vm.module_namespace(r.module);
    Rooted rn(vm, Value::object(ns));
    Environment* holder = vm.new_environment(nullptr, 1);
    holder->slots[0] = rn.get();
    Rooted rh(vm, Value::cell(holder));
    Environment* ref = vm.new_environment(holder, 1);
    ref->slots[0] = Value::int32(0);
    return Value::cell(ref);
  }
  Environment* ref = vm.new_environment(r.module->env, 1);
  ref->slots[0] = Value::int32(r.slot);
  return Value::cell(ref);
}

// InitializeEnvironment (16.2.1.6.4).
void initialize_environment(VM& vm, ModuleRecord* m) {
  for (const auto& e : m->indirect_exports) {
    Resolution r = resolve_export(m, e.export_name);
    if (r.kind != Resolution::kFound) {
      throw_unresolved(vm, m, e.request, e.import_name, r.kind == Resolution::kAmbiguous, e.line,
                       e.column);
    }
  }
  for (const auto& in : m->imports) {
    ModuleRecord* imported = m->loaded[in.request];
    if (in.is_namespace) {
      Object* ns = vm.module_namespace(imported);
      m->env->slots[in.slot] = Value::object(ns);
      continue;
    }
    Resolution r = resolve_export(imported, in.name);
    if (r.kind != Resolution::kFound) {
      throw_unresolved(vm, m, in.request, in.name, r.kind == Resolution::kAmbiguous, in.line,
                       in.column);
    }
    Value ref = import_reference(vm, r);
    m->env->slots[in.slot] = ref;
  }
  JSFunction* init = vm.new_closure(m->init, m->env);
  vm.call(Value::object(init), Value::undefined(), {});
}

// InnerModuleLinking (16.2.1.5.3.2).
std::uint32_t inner_link(VM& vm, ModuleRecord* m, std::vector<ModuleRecord*>& stack,
                         std::uint32_t index) {
  using S = ModuleRecord::Status;
  if (m->status != S::kUnlinked) return index;
  m->status = S::kLinking;
  m->dfs_index = m->dfs_ancestor_index = index++;
  stack.push_back(m);
  for (ModuleRecord* req : m->loaded) {
    index = inner_link(vm, req, stack, index);
    if (req->status == S::kLinking) {
      m->dfs_ancestor_index = std::min(m->dfs_ancestor_index, req->dfs_ancestor_index);
    }
  }
  initialize_environment(vm, m);
  if (m->dfs_ancestor_index == m->dfs_index) {
    for (;;) {
      ModuleRecord* done = stack.back();
      stack.pop_back();
      done->status = S::kLinked;
      if (done == m) break;
    }
  }
  return index;
}

}  // namespace

void VM::link_module(ModuleRecord* m) {
  std::vector<ModuleRecord*> stack;
  try {
    inner_link(*this, m, stack, 0);
  } catch (JSThrow&) {
    for (ModuleRecord* s : stack) s->status = ModuleRecord::Status::kUnlinked;
    throw;
  }
}

Object* VM::module_namespace(ModuleRecord* m) {
  if (m->namespace_object != nullptr) return m->namespace_object;
  // Made first, so a namespace that (through `export * as`) contains itself
  // finds it.
  m->namespace_object = new_module_namespace(m);
  std::vector<ModuleRecord*> visited;
  std::vector<std::u16string> names;
  exported_names(m, visited, names);
  std::vector<std::pair<std::u16string, Resolution>> found;
  for (auto& n : names) {
    Resolution r = resolve_export(m, n);
    if (r.kind == Resolution::kFound) found.emplace_back(n, r);
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [name, r] : found) {
    m->ns_names.push_back(atomize(new_string_utf16(name)));
    m->ns_refs.push_back(Value::undefined());
    Value ref = import_reference(*this, r);
    m->ns_refs.back() = ref;
  }
  return m->namespace_object;
}

// ---- evaluation ----

namespace {

using S = ModuleRecord::Status;

void async_fulfilled(VM& vm, ModuleRecord* m);
void async_rejected(VM& vm, ModuleRecord* m, Value error);

Value on_async_fulfilled(VM& vm, CallInfo& ci) {
  auto index = static_cast<std::size_t>(static_cast<NativeFunction*>(ci.callee)->data.as_int32());
  async_fulfilled(vm, vm.modules().records[index].get());
  return Value::undefined();
}

Value on_async_rejected(VM& vm, CallInfo& ci) {
  auto index = static_cast<std::size_t>(static_cast<NativeFunction*>(ci.callee)->data.as_int32());
  async_rejected(vm, vm.modules().records[index].get(), ci.arg(0));
  return Value::undefined();
}

// ExecuteModule without a capability: the module's code, synchronously.
void execute_module(VM& vm, ModuleRecord* m) {
  JSFunction* body = vm.new_closure(m->body, m->env);
  vm.call(Value::object(body), Value::undefined(), {});
}

// ExecuteAsyncModule (16.2.1.5.3.4): runs an awaiting module; its promise
// reports back.
void execute_async_module(VM& vm, ModuleRecord* m) {
  JSFunction* body = vm.new_closure(m->body, m->env);
  Value promise = vm.call(Value::object(body), Value::undefined(), {});
  Rooted rp(vm, promise);
  Value data = Value::int32(static_cast<std::int32_t>(m->index));
  Value f = builtins::native_closure(vm, on_async_fulfilled, 0, data);
  Rooted rf(vm, f);
  Value r = builtins::native_closure(vm, on_async_rejected, 1, data);
  builtins::promise_then_internal(vm, rp.object(), rf.get(), r, false);
}

// GatherAvailableAncestors (16.2.1.5.3.5).
void gather_ancestors(ModuleRecord* m, std::vector<ModuleRecord*>& exec) {
  for (ModuleRecord* p : m->async_parents) {
    if (std::find(exec.begin(), exec.end(), p) != exec.end()) continue;
    if (p->cycle_root->has_error) continue;
    if (--p->pending_async_deps == 0) {
      exec.push_back(p);
      if (!p->has_tla) gather_ancestors(p, exec);
    }
  }
}

void settle_capability(VM& vm, ModuleRecord* m, Value v, bool rejected) {
  if (!m->capability.is_object()) return;
  builtins::settle_promise(vm, m->capability.as_object(), v, rejected);
}

// AsyncModuleExecutionFulfilled (16.2.1.5.3.6).
void async_fulfilled(VM& vm, ModuleRecord* m) {
  if (m->status == S::kEvaluated) return;  // it failed meanwhile
  m->async_evaluation = false;
  m->status = S::kEvaluated;
  settle_capability(vm, m, Value::undefined(), false);
  std::vector<ModuleRecord*> exec;
  gather_ancestors(m, exec);
  std::sort(exec.begin(), exec.end(),
            [](ModuleRecord* a, ModuleRecord* b) { return a->async_order < b->async_order; });
  for (ModuleRecord* x : exec) {
    if (x->status == S::kEvaluated) continue;
    if (x->has_tla) {
      execute_async_module(vm, x);
      continue;
    }
    try {
      execute_module(vm, x);
    } catch (JSThrow&) {
      if (vm.terminating()) throw;
      Value error = vm.take_pending_exception();
      async_rejected(vm, x, error);
      continue;
    }
    x->async_evaluation = false;
    x->status = S::kEvaluated;
    settle_capability(vm, x, Value::undefined(), false);
  }
}

// AsyncModuleExecutionRejected (16.2.1.5.3.7).
void async_rejected(VM& vm, ModuleRecord* m, Value error) {
  if (m->status == S::kEvaluated) return;
  Rooted re(vm, error);
  m->has_error = true;
  m->error = error;
  m->status = S::kEvaluated;
  for (ModuleRecord* p : m->async_parents) async_rejected(vm, p, re.get());
  settle_capability(vm, m, re.get(), true);
}

// InnerModuleEvaluation (16.2.1.5.3.3).
std::uint32_t inner_evaluate(VM& vm, ModuleRecord* m, std::vector<ModuleRecord*>& stack,
                             std::uint32_t index) {
  if (m->status == S::kEvaluatingAsync || m->status == S::kEvaluated) {
    if (m->has_error) vm.throw_value(m->error);
    return index;
  }
  if (m->status == S::kEvaluating) return index;
  m->status = S::kEvaluating;
  m->dfs_index = m->dfs_ancestor_index = index++;
  m->pending_async_deps = 0;
  stack.push_back(m);
  for (ModuleRecord* req : m->loaded) {
    index = inner_evaluate(vm, req, stack, index);
    if (req->status == S::kEvaluating) {
      m->dfs_ancestor_index = std::min(m->dfs_ancestor_index, req->dfs_ancestor_index);
    } else {
      if (req->cycle_root != nullptr) req = req->cycle_root;
      if (req->has_error) vm.throw_value(req->error);
    }
    if (req->async_evaluation) {
      ++m->pending_async_deps;
      req->async_parents.push_back(m);
    }
  }
  if (m->pending_async_deps > 0 || m->has_tla) {
    m->async_evaluation = true;
    m->async_order = ++vm.modules().async_order;
    if (m->pending_async_deps == 0) execute_async_module(vm, m);
  } else {
    execute_module(vm, m);
  }
  if (m->dfs_ancestor_index == m->dfs_index) {
    for (;;) {
      ModuleRecord* done = stack.back();
      stack.pop_back();
      done->status = done->async_evaluation ? S::kEvaluatingAsync : S::kEvaluated;
      done->cycle_root = m;
      if (done == m) break;
    }
  }
  return index;
}

}  // namespace

Value VM::evaluate_module(ModuleRecord* m) {
  // A module that failed synchronously has no cycle root: it rethrows.
  if ((m->status == S::kEvaluatingAsync || m->status == S::kEvaluated) &&
      m->cycle_root != nullptr) {
    m = m->cycle_root;
  }
  if (m->capability.is_object()) return m->capability;
  m->capability = builtins::new_promise(*this);
  std::vector<ModuleRecord*> stack;
  try {
    inner_evaluate(*this, m, stack, 0);
  } catch (JSThrow&) {
    if (terminating()) throw;
    Value error = take_pending_exception();
    Rooted re(*this, error);
    for (ModuleRecord* s : stack) {
      s->status = S::kEvaluated;
      s->has_error = true;
      s->error = re.get();
    }
    settle_capability(*this, m, re.get(), true);
    return m->capability;
  }
  if (!m->async_evaluation) settle_capability(*this, m, Value::undefined(), false);
  return m->capability;
}

// ---- import() and import.meta ----

namespace {

std::string referrer_path(FunctionTemplate* code) {
  if (code == nullptr) return {};
  if (code->module != nullptr) return code->module->path;
  if (!code->file_name.is_string()) return {};
  std::string file = code->file_name.as_string()->to_utf8();
  // A script's name is a path when it names a file ("[eval]" does not).
  std::error_code ec;
  if (file.empty() || !fs::exists(file, ec)) return {};
  return fs::absolute(file, ec).lexically_normal().string();
}

Value element(VM& vm, Value array, std::uint32_t i) {
  Value v;
  return vm.get_element(array.as_object(), i, &v) ? v : Value::undefined();
}

// The evaluation fulfilled: the import() promise gets the namespace.
Value import_fulfilled(VM& vm, CallInfo& ci) {
  Rooted data(vm, static_cast<NativeFunction*>(ci.callee)->data);
  auto index = static_cast<std::size_t>(element(vm, data.get(), 1).as_int32());
  Value ns = Value::object(vm.module_namespace(vm.modules().records[index].get()));
  builtins::settle_promise(vm, element(vm, data.get(), 0).as_object(), ns, false);
  return Value::undefined();
}

Value import_rejected(VM& vm, CallInfo& ci) {
  Value promise = static_cast<NativeFunction*>(ci.callee)->data;
  builtins::settle_promise(vm, promise.as_object(), ci.arg(0), true);
  return Value::undefined();
}

// The job import() queues: load, link and evaluate, then settle.
Value import_job(VM& vm, CallInfo& ci) {
  Rooted data(vm, static_cast<NativeFunction*>(ci.callee)->data);
  Rooted promise(vm, element(vm, data.get(), 0));
  try {
    std::string spec = element(vm, data.get(), 1).as_string()->to_utf8();
    Value referrer = element(vm, data.get(), 2);
    ModuleRecord* m =
        vm.load_module(spec, referrer.is_string() ? referrer.as_string()->to_utf8() : "");
    vm.link_module(m);
    Rooted evaluation(vm, vm.evaluate_module(m));
    Value pair[2] = {promise.get(), Value::int32(static_cast<std::int32_t>(m->index))};
    Value ok_data = Value::object(vm.new_array_from(pair));
    Rooted ok(vm, builtins::native_closure(vm, import_fulfilled, 1, ok_data));
    Value err = builtins::native_closure(vm, import_rejected, 1, promise.get());
    builtins::promise_then_internal(vm, evaluation.object(), ok.get(), err, false);
  } catch (JSThrow&) {
    if (vm.terminating()) throw;
    Value error = vm.take_pending_exception();
    builtins::settle_promise(vm, promise.object(), error, true);
  }
  return Value::undefined();
}

}  // namespace

// 13.3.10.1 import(): a promise of the module's namespace. The module is
// loaded (this host reads files synchronously), linked and evaluated in a
// job, so the caller runs on first, as in every engine; errors reject.
Value VM::dynamic_import(Value specifier, FunctionTemplate* referrer) {
  Rooted rs(*this, specifier);
  Rooted result(*this, builtins::new_promise(*this));
  Rooted spec(*this, Value::undefined());
  try {
    spec.set(Value::string(to_string(rs.get())));
  } catch (JSThrow&) {
    if (terminating()) throw;
    Value error = take_pending_exception();
    builtins::settle_promise(*this, result.object(), error, true);
    return result.get();
  }
  std::string path = referrer_path(referrer);
  Value triple[3] = {result.get(), spec.get(),
                     path.empty() ? Value::undefined() : Value::string(new_string_utf8(path))};
  Rooted rpath(*this, triple[2]);
  triple[2] = rpath.get();
  Value data = Value::object(new_array_from(triple));
  Value job = builtins::native_closure(*this, import_job, 0, data);
  jobs().push(Job{Job::Kind::kCallback, job, Value::undefined(), Value::undefined()});
  return result.get();
}

Value VM::load_import(Environment* env, std::uint32_t depth, std::uint32_t slot, Value name) {
  for (; depth > 0; --depth) env = env->parent;
  Value ref = env->slots[slot];
  Value v = ref;
  if (!ref.is_hole()) {
    auto* r = static_cast<Environment*>(ref.as_cell());
    v = r->parent->slots[r->slots[0].as_int32()];
  }
  if (v.is_hole()) {
    throw_error(ErrorType::kReferenceError,
                "Cannot access '" + name.as_string()->to_utf8() + "' before initialization");
  }
  return v;
}

Value VM::import_meta(FunctionTemplate* code) {
  ModuleRecord* m = code != nullptr ? code->module : nullptr;
  if (m == nullptr) throw_error(ErrorType::kSyntaxError, "import.meta is only valid in a module");
  if (m->meta != nullptr) return Value::object(m->meta);
  Object* meta = new_object_with_proto(nullptr);
  Rooted rm(*this, Value::object(meta));
  fs::path p(m->path);
  create_data_property(rm.object(), key("url"), Value::string(new_string_utf8(file_url(m->path))));
  create_data_property(rm.object(), key("filename"), Value::string(new_string_utf8(m->path)));
  create_data_property(rm.object(), key("dirname"),
                       Value::string(new_string_utf8(p.parent_path().string())));
  m->meta = rm.object();
  return rm.get();
}

}  // namespace kite::vm
