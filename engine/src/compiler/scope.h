// Scope analysis: the first compiler pass. Builds the tree of scopes,
// declares every binding (hoisting var and function declarations), resolves
// each identifier reference to its binding (or to a global), marks bindings
// captured by inner functions (they must live in heap environments), and
// reports redeclaration early errors.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/compiler.h"
#include "parser/ast.h"

namespace kite::compiler {

struct Scope;
struct FunctionInfo;

// Calls fn(const Identifier*) for each name a binding pattern binds (an
// identifier, or the targets inside array, object, rest and default
// patterns).
template <typename F>
void for_each_bound_name(const parser::Node* pattern, F&& fn) {
  using namespace kite::parser;
  std::vector<const Node*> stack{pattern};
  while (!stack.empty()) {
    const Node* p = stack.back();
    stack.pop_back();
    if (p == nullptr) continue;
    switch (p->kind) {
      case NodeKind::kIdentifier:
        fn(static_cast<const Identifier*>(p));
        break;
      case NodeKind::kAssignmentPattern:
        stack.push_back(static_cast<const AssignmentPattern*>(p)->target);
        break;
      case NodeKind::kRestElement:
        stack.push_back(static_cast<const RestElement*>(p)->argument);
        break;
      case NodeKind::kArrayPattern:
        for (const Node* e : static_cast<const ArrayPattern*>(p)->elements) stack.push_back(e);
        break;
      case NodeKind::kObjectPattern:
        for (const auto& prop : static_cast<const ObjectPattern*>(p)->properties) {
          stack.push_back(prop.spread != nullptr ? prop.spread : prop.value);
        }
        break;
      default:
        break;
    }
  }
}

enum class BindingKind : std::uint8_t {
  kVar,
  kLet,
  kConst,
  kClass,
  kFunction,  // function declaration (var-like in function scope, let-like in blocks)
  kParam,
  kCatch,
  kThis,        // the `this` of a non-arrow function (register 0)
  kArguments,   // the arguments object
  kCallee,      // a named function expression's own name (read-only)
  kClassInner,  // a class's own name inside its body (read-only)
  kImport,      // a module's named import: its env slot holds an import reference (vm/modules.h)
};

struct Binding {
  std::u16string name;
  BindingKind kind;
  Scope* scope;
  bool captured = false;
  // TDZ: reads before this byte offset (or from closures) need a check.
  std::uint32_t decl_end = 0;
  bool in_switch = false;  // declared directly in a switch case: never elide TDZ checks
  // Some reference lies before decl_end (inside the initializer or earlier
  // in the scope): the TDZ is observable, the binding must start as a hole.
  bool early_ref = false;
  // Assigned by code generation.
  bool in_env = false;
  std::uint16_t reg = 0;
  std::uint16_t slot = 0;

  bool is_lexical() const {
    return kind == BindingKind::kLet || kind == BindingKind::kConst || kind == BindingKind::kClass;
  }
  bool is_const() const {
    return kind == BindingKind::kConst || kind == BindingKind::kCallee ||
           kind == BindingKind::kClassInner || kind == BindingKind::kImport;
  }
};

enum class ScopeKind : std::uint8_t { kFunction, kBlock, kCatch, kLoop, kClass, kSwitch };

struct Scope {
  ScopeKind kind;
  Scope* parent;
  FunctionInfo* function;
  std::vector<Binding*> bindings;  // in declaration order
  std::unordered_map<std::u16string, Binding*> by_name;
  bool has_env = false;  // some binding is captured
  // The body scope of a function with parameter expressions: its vars and
  // top-level functions are hoisted into it (ScopeTree::visit_function).
  bool function_body = false;
  // A scope standing for an environment of a direct eval's caller: its
  // bindings already have their slots (finish_scopes leaves it alone).
  bool synthetic = false;
  std::uint16_t env_size = 0;
  Binding* find(const std::u16string& name) const {
    auto it = by_name.find(name);
    return it == by_name.end() ? nullptr : it->second;
  }
};

struct FunctionInfo {
  const parser::FunctionNode* node = nullptr;  // null for the script
  FunctionInfo* parent = nullptr;
  Scope* scope = nullptr;  // parameters, var, and top-level declarations of the body
  bool is_script = false;
  bool is_module = false;             // the top level of a module (node null, like the script)
  bool is_eval = false;               // eval code: its own var scope (strict), node null
  bool is_field_initializer = false;  // a class's field initializer: no `arguments`, even in eval
  bool is_arrow = false;
  Binding* this_binding = nullptr;       // non-arrow functions
  Binding* arguments_binding = nullptr;  // when `arguments` is used
  Binding* callee_binding = nullptr;     // named function expressions
  // Top-level script declarations that live on the global object.
  std::vector<const parser::Identifier*> global_vars;
  std::vector<const parser::FunctionNode*> global_functions;
};

// The result of analysis for one script.
class ScopeTree {
 public:
  // Throws CompileError on early errors.
  void analyze(const parser::Program& program);
  // Eval code (19.2.1.1 PerformEval, strict): a var scope of its own inside
  // `outer`, the caller's environments for a direct eval (null: indirect).
  void analyze_eval(const parser::Program& program, const vm::EvalScope* outer);
  // The module-scope binding of `export default <expression>` and of an
  // anonymous default function or class.
  static constexpr const char16_t* kDefaultBinding = u"*default*";

  FunctionInfo* script() { return script_; }
  FunctionInfo* function_of(const parser::Node* fn) const {
    auto it = functions_.find(fn);
    return it == functions_.end() ? nullptr : it->second;
  }
  // Whether a class needs its instance (or static) initializer: fields,
  // instance private methods and accessors, static blocks.
  static bool has_initializer(const parser::ClassNode* c, bool is_static);
  // The hidden class-scope binding holding the key of the class's N-th
  // field when it is computed (evaluated once, at class definition).
  static std::u16string computed_field_key_name(std::uint32_t index);
  // Key of the synthetic field-initializer function of a class.
  static const parser::Node* fields_key(const parser::ClassNode* c, bool is_static) {
    return is_static ? reinterpret_cast<const parser::Node*>(&c->constructor)
                     : reinterpret_cast<const parser::Node*>(&c->members);
  }
  // The scope a node introduces (blocks, loops, catch clauses, classes, switches).
  Scope* scope_of(const parser::Node* n) const {
    auto it = scopes_.find(n);
    return it == scopes_.end() ? nullptr : it->second;
  }
  // The binding an identifier reference (or `this`) resolves to; null: global.
  Binding* resolved(const parser::Node* ref) const {
    auto it = refs_.find(ref);
    return it == refs_.end() ? nullptr : it->second;
  }

 private:
  Scope* new_scope(ScopeKind kind, Scope* parent, FunctionInfo* fn);
  void declare_hidden(Scope* s, const std::u16string& name);
  void analyze_module(const parser::Program& program, Scope* s);
  Binding* declare(Scope* s, const std::u16string& name, BindingKind kind, const parser::Node* at,
                   std::uint32_t decl_end);
  void hoist_var_names(const parser::Node* n, Scope* fn_scope, bool top);
  void declare_lexical(const parser::NodeList& body, Scope* s, bool in_switch);
  void declare_pattern(const parser::Node* pattern, Scope* s, BindingKind kind,
                       std::uint32_t decl_end, bool in_switch);
  void visit_function(const parser::FunctionNode* f, Scope* parent);
  void visit_class(const parser::ClassNode* c, Scope* s);
  void visit_stmt(const parser::Node* n, Scope* s);
  void visit_stmts(const parser::NodeList& list, Scope* s);
  void visit_expr(const parser::Node* n, Scope* s);
  void visit_pattern(const parser::Node* n, Scope* s);
  void visit_property_key(const parser::Node* key, bool computed, Scope* s);
  void reference(const parser::Node* ref, const std::u16string& name, Scope* s);
  void reference_this(const parser::Node* ref, Scope* s);
  void finish_scopes();

  std::vector<std::unique_ptr<Scope>> all_scopes_;
  std::vector<std::unique_ptr<Binding>> all_bindings_;
  std::vector<std::unique_ptr<FunctionInfo>> all_functions_;
  std::unordered_map<const parser::Node*, FunctionInfo*> functions_;
  std::unordered_map<const parser::Node*, Scope*> scopes_;
  std::unordered_map<const parser::Node*, Binding*> refs_;
  FunctionInfo* script_ = nullptr;
};

}  // namespace kite::compiler
