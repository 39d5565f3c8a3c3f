// FunctionCompiler: code generation for one function (or the script), the
// class the compiler's files share (compiler.cpp: the entry point, scopes
// and bindings; compile_functions.cpp: functions and classes;
// compile_statements.cpp, compile_expressions.cpp, compile_operators.cpp,
// compile_patterns.cpp). Private to the compiler: nothing else includes it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/compiler.h"
#include "compiler/emitter.h"
#include "compiler/scope.h"
#include "parser/ast.h"

namespace kite::compiler {

// What every FunctionCompiler of one compile() shares.
struct Context {
  vm::VM& vm;
  ScopeTree& scopes;
  std::string_view source;
  vm::Value file_name;
  vm::Value source_string;
  bool source_ascii;
  std::size_t roots_mark;
  vm::ModuleRecord* module = nullptr;  // compiling a module: every template points at it
  bool this_undefined = false;         // top-level `this` is undefined (eval in a module)
};

// Runs `body(ctx)` with the Context of one compile(): the file name and
// the source string are made and kept alive (persistent roots) until it
// returns or throws. `body` roots what it allocates the same way.
template <typename Body>
void with_context(vm::VM& vm, ScopeTree& scopes, std::string_view source, vm::Value file_name,
                  Body&& body) {
  std::size_t roots_mark = vm.persistent_roots().size();
  vm.persistent_roots().push_back(file_name);
  bool ascii = true;
  for (char c : source) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  vm::Value src = vm::Value::string(vm.new_string_utf8(source));
  vm.persistent_roots().push_back(src);
  Context ctx{vm, scopes, source, file_name, src, ascii, roots_mark};
  try {
    body(ctx);
  } catch (...) {
    vm.persistent_roots().resize(roots_mark);
    throw;
  }
  vm.persistent_roots().resize(roots_mark);
}

// Whether evaluating `n` may assign to a local variable (so a register
// read before it must be copied first).
bool may_assign(const parser::Node* n);

class FunctionCompiler {
 public:
  FunctionCompiler(Context& ctx, FunctionInfo* info, vm::FunctionTemplate* tmpl)
      : ctx_(ctx), vm_(ctx.vm), info_(info), e_(ctx.vm, tmpl), scope_(info->scope) {
    tmpl->module = ctx.module;
  }

  void compile_script(const parser::Program& program);
  // Eval code (compile_eval.cpp): returns its completion value.
  void compile_eval_body(const parser::Program& program);
  // A module's body, and its InitializeEnvironment part (compile_modules.cpp).
  void compile_module_body(const parser::Program& program);
  void compile_module_init(const parser::Program& program);
  // Both module templates: flags, file and source; the module scope (its
  // environment is the closure's, made by the loader: no PushEnv).
  Scope* begin_module_template();
  void compile_function(const parser::FunctionNode* f, const parser::ClassNode* cls);
  void compile_fields(const parser::ClassNode* c, bool is_static);
  void compile_default_constructor(const parser::ClassNode* c);

 private:
  // ---- jump targets ----
  struct Exit {
    int target;  // index into targets_, or -1 for return
    bool is_continue;
    std::uint16_t id;
  };
  struct Target {
    enum Kind { kLoop, kSwitch, kBlock, kFinally };
    Target(Kind k, std::vector<const std::u16string*> l, Label b, Label c, Scope* s)
        : kind(k), labels(std::move(l)), break_label(b), continue_label(c), scope(s) {}
    Kind kind;
    std::vector<const std::u16string*> labels;
    Label break_label;
    Label continue_label;
    Scope* scope;                  // the scope `continue` (and by default `break`) returns to
    Scope* break_scope = nullptr;  // when break must also leave a per-iteration scope
    Reg iter = 0;                  // for-of: the iterator to close when leaving
    bool has_iter = false;
    bool async_iter = false;  // for await: AsyncIteratorClose
    Reg iter_done = 0;        // array patterns: close only while this is false
    Reg kind_reg = 0;         // finally: completion kind / value
    Reg value_reg = 0;
    Label finally_label;
    std::vector<Exit> exits;
  };

  // ---- helpers ----
  [[noreturn]] void error(const std::string& msg, const parser::Node* at) {
    throw CompileError{msg, at != nullptr ? at->pos.line : 0, at != nullptr ? at->pos.column : 0};
  }
  void pos(const parser::Node* n) { e_.position(n->pos.line, n->pos.column); }
  std::uint16_t name_const(const std::u16string& s) { return e_.string_constant(s); }
  Reg temp() { return e_.alloc_temp(); }
  // Generators (compile_generators.cpp).
  void yield_expr(const parser::YieldExpression* y, Reg dst);
  void yield_star(const parser::YieldExpression* y, Reg dst);
  void resume_dispatch(Reg received, Reg mode, const parser::Node* at);
  void await_expr(const parser::AwaitExpression* a, Reg dst);
  // obj[key] read and write; a private member (obj.#x, key = the private
  // name) reads and writes its own private element (compile_classes.cpp).
  void get_elem(const parser::MemberExpression* m, Reg dst, Reg obj, Reg key);
  void set_elem(const parser::MemberExpression* m, Reg obj, Reg key, Reg value);
  // Async generators and for-await (compile_generators.cpp).
  void await_in_place(Reg value);
  void async_unwrap(Reg received, Reg mode);
  void async_yield_star(const parser::YieldExpression* y, Reg dst);
  void close_iterator(const Target& t);
  // `return value` of this function: Ret, or in an async function AsyncReturn
  // (resolve its promise, return the promise).
  void emit_return(Reg value);
  bool is_async_ = false;
  bool is_async_gen_ = false;  // async function*: both flags
  // Eval code: the register holding the completion value (19.2.1.1); each
  // expression statement writes it. 0xFFFF elsewhere.
  Reg completion_ = 0xFFFF;
  // The EvalScope (vm/function_template.h) of a direct eval here: its index.
  std::uint16_t eval_scope();

  // scopes and bindings (compiler.cpp)
  void enter_scope(Scope* s);
  void exit_scope(Scope* s);
  int env_hops(Scope* from, Scope* to);
  void pop_envs_to(Scope* target);
  void init_lexical_bindings(Scope* s);
  // var and function bindings of `s` that live in its environment start as
  // undefined, not holes.
  void init_env_vars(Scope* s);
  void hoist_functions(const parser::NodeList& body, Scope* s, bool function_level);

  void load_binding(Binding* b, Reg dst, const parser::Node* at);
  // Function.prototype.toString's range of the source, from byte offsets.
  void set_source_range(vm::FunctionTemplate* t, std::uint32_t start, std::uint32_t end);
  Reg binding_reg_if_direct(Binding* b, const parser::Node* at);
  void store_binding(Binding* b, Reg src, bool init, const parser::Node* at);
  bool needs_tdz_check(Binding* b, const parser::Node* at);
  void load_identifier(const parser::Identifier* id, Reg dst);
  void store_identifier(const parser::Identifier* id, Reg src, bool init);

  // functions and classes (compile_functions.cpp)
  vm::FunctionTemplate* compile_nested(const parser::FunctionNode* f,
                                       const parser::ClassNode* cls = nullptr);
  void class_decl(const parser::ClassNode* c, Reg dst);
  void load_class_binding(const parser::ClassNode* c, const std::u16string& name, Reg dst);

  // statements (compile_statements.cpp)
  void stmt(const parser::Node* n);
  void stmts(const parser::NodeList& list);
  void var_decl(const parser::VariableDeclaration* d);
  void if_stmt(const parser::IfStatement* s);
  void for_stmt(const parser::ForStatement* s, std::vector<const std::u16string*> labels);
  void for_in_of(const parser::ForInOfStatement* s, std::vector<const std::u16string*> labels);
  void while_stmt(const parser::WhileStatement* s, std::vector<const std::u16string*> labels);
  void do_while(const parser::WhileStatement* s, std::vector<const std::u16string*> labels);
  void try_stmt(const parser::TryStatement* s);
  void switch_stmt(const parser::SwitchStatement* s, std::vector<const std::u16string*> labels);
  void labeled(const parser::LabeledStatement* s);
  void return_value(const parser::Node* arg, const parser::Node* at);
  void jump_out(int target, bool is_continue, Reg ret_value, const parser::Node* at);
  int find_target(const parser::Identifier* label, bool is_continue, const parser::Node* at);

  // expressions (compile_expressions.cpp)
  void expr(const parser::Node* n, Reg dst);
  Reg expr_any(const parser::Node* n);  // may return a variable's own register
  void call(const parser::CallExpression* c, Reg dst, Label nil);
  void new_expr(const parser::CallExpression* c, Reg dst);
  void member(const parser::MemberExpression* m, Reg dst, Label nil);
  void chain_element(const parser::Node* n, Reg dst, Label nil);
  void array_literal(const parser::ArrayExpression* a, Reg dst);
  void object_literal(const parser::ObjectExpression* o, Reg dst);
  void template_literal(const parser::TemplateLiteral* t, Reg dst);
  void tagged_template(const parser::TaggedTemplate* t, Reg dst);
  void function_expr(const parser::FunctionNode* f, Reg dst);
  bool args_have_spread(const parser::NodeList& args);
  void args_array(const parser::NodeList& args, Reg arr);
  void property_key(const parser::Node* key, bool computed, Reg dst);
  std::uint16_t callee_name(const parser::Node* callee);
  void load_this(Reg dst, const parser::Node* at);

  // operators (compile_operators.cpp)
  // The operands of a binary operator, left then right; the left one is
  // copied out of its local when the right one may reassign that local.
  std::pair<Reg, Reg> operands(const parser::BinaryExpression* b, Reg mark);
  void cond(const parser::Node* n, Label target, bool jump_if);
  void binary(const parser::BinaryExpression* b, Reg dst);
  void logical(const parser::BinaryExpression* b, Reg dst);
  void assign(const parser::AssignmentExpression* a, Reg dst);
  void update(const parser::UpdateExpression* u, Reg dst);
  void effect(const parser::Node* n);
  bool effect_direct(const parser::Node* n);
  void unary(const parser::UnaryExpression* u, Reg dst);

  // patterns (compile_patterns.cpp)
  void bind_pattern(const parser::Node* p, Reg value, bool init);
  void assign_target(const parser::Node* target, Reg value, bool init);

  Context& ctx_;
  vm::VM& vm_;
  FunctionInfo* info_;
  Emitter e_;
  Scope* scope_;
  std::vector<Target> targets_;
  const std::u16string* pending_label_ = nullptr;
  std::string destructure_source_;  // source text of the value an object pattern reads
  bool derived_ctor_ = false;
  Reg gen_reg_ = 0;  // generators: the register holding the generator object
  bool has_instance_fields_ = false;
};

}  // namespace kite::compiler
