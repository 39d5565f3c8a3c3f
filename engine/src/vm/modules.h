// ES modules (ECMA-262 16.2): Source Text Module Records, the loader that
// turns specifiers into files, linking (16.2.1.5.3 Link) and evaluation
// with top-level await (16.2.1.5.3 Evaluate), module namespace objects
// (10.4.6), `import()` and `import.meta`.
//
// A module's top-level bindings all live in one heap Environment made when
// the module is loaded, so an importer can point at them before the
// exporter has run. An imported binding is an *import reference*: a
// one-slot Environment whose parent is the exporting module's environment
// and whose slot holds the index of the binding there (LdImport follows
// it, and throws in the binding's TDZ). Records live as long as the VM.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "objects/environment.h"
#include "objects/object.h"
#include "objects/value.h"

namespace kite::vm {

class FunctionTemplate;
class Heap;
class String;
class VM;

// The import name of `export * as ns from "m"` (all-but-default): a lone
// surrogate, which no module export name can be.
inline constexpr char16_t kAllButDefault[] = u"\xD800";

struct ModuleRecord {
  enum class Status : std::uint8_t {
    kUnlinked,
    kLinking,
    kLinked,
    kEvaluating,
    kEvaluatingAsync,
    kEvaluated
  };
  std::string path;  // absolute file path: the module's identity and import.meta.url
  // [[RequestedModules]], unique, in source order; `loaded` is parallel.
  std::vector<std::string> requests;
  std::vector<ModuleRecord*> loaded;
  struct Import {
    std::uint32_t request;
    std::u16string name;         // the export name asked for
    bool is_namespace;           // import * as x
    std::uint32_t slot;          // of the local binding in env
    std::uint32_t line, column;  // of the import, for link errors
  };
  struct LocalExport {
    std::u16string export_name;
    std::uint32_t slot;
  };
  struct IndirectExport {
    std::u16string export_name;
    std::uint32_t request;
    std::u16string import_name;  // kAllButDefault for `export * as ns from`
    std::uint32_t line, column;
  };
  std::vector<Import> imports;
  std::vector<LocalExport> local_exports;
  std::vector<IndirectExport> indirect_exports;
  std::vector<std::uint32_t> star_exports;  // requests of `export * from`
  FunctionTemplate* body = nullptr;         // the module's code
  FunctionTemplate* init = nullptr;         // InitializeEnvironment: vars and hoisted functions
  std::uint32_t env_size = 0;
  bool has_tla = false;
  Environment* env = nullptr;
  Object* namespace_object = nullptr;
  Object* meta = nullptr;  // import.meta, made on first use
  // The namespace's exports, sorted, and an import reference for each.
  std::vector<String*> ns_names;
  std::vector<Value> ns_refs;

  Status status = Status::kUnlinked;
  bool has_error = false;
  Value error;
  std::uint32_t dfs_index = 0;
  std::uint32_t dfs_ancestor_index = 0;
  ModuleRecord* cycle_root = nullptr;
  bool async_evaluation = false;
  std::uint64_t async_order = 0;
  std::vector<ModuleRecord*> async_parents;
  std::uint32_t pending_async_deps = 0;
  Value capability;         // [[TopLevelCapability]]: a promise, or undefined
  std::uint32_t index = 0;  // in ModuleLoader::records

  void trace(Heap& heap);
};

// A module namespace exotic object (10.4.6). It carries Object::kProxyFlag
// so the object operations send it to VM::proxy_*, which hand a namespace
// to the VM::namespace_* methods (vm/module_namespace.cpp); symbol-keyed
// properties (@@toStringTag) stay ordinary.
class ModuleNamespaceObject : public Object {
 public:
  ModuleNamespaceObject(Shape* shape, Value* inline_slots, std::uint32_t cap)
      : Object(shape, inline_slots, cap, ObjectClass::kModuleNamespace) {
    flags_ |= kProxyFlag;
    flags_ &= ~kExtensible;
  }
  ModuleRecord* module = nullptr;
};

// Every module of one VM, by path.
struct ModuleLoader {
  std::vector<std::unique_ptr<ModuleRecord>> records;
  std::unordered_map<std::string, ModuleRecord*> by_path;
  std::uint64_t async_order = 0;
  ModuleRecord* entry = nullptr;  // the embedder's last Engine::run_module
  void trace(Heap& heap) {
    for (auto& r : records) r->trace(heap);
  }
};

// Resolves `specifier` against the file `referrer` (a path; empty: the
// working directory) to an absolute, normalized path. Relative ("./",
// "../") and absolute ("/", "file://") specifiers only; false with a
// message in *error for any other (a bare package name).
bool resolve_module_specifier(const std::string& specifier, const std::string& referrer,
                              std::string* out, std::string* error);

}  // namespace kite::vm
