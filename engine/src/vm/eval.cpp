// Code from strings: eval (ECMA-262 19.2.1) and the Function constructors
// (20.2.1.1.1 CreateDynamicFunction). Kite compiles all code strict, so
// eval code's var and function declarations are its own; a direct eval
// (the CallEval instruction, when the callee is %eval%) runs in the
// caller's environment and sees its bindings (compiler/compile_eval.cpp).
#include <string>
#include <vector>

#include "builtins/builtins.h"
#include "compiler/compiler.h"
#include "objects/function.h"
#include "objects/string.h"
#include "parser/parser.h"
#include "vm/bytecode.h"
#include "vm/vm.h"

namespace kite::vm {

namespace {

// Parses `code` as a script; a SyntaxError when it is not one.
parser::ParseResult parse_or_throw(VM& vm, const std::string& code) {
  parser::ParseResult parsed = parser::parse(code, "<eval>", false);
  if (!parsed.ok()) vm.throw_error(ErrorType::kSyntaxError, parsed.error().message);
  return parsed;
}

FunctionTemplate* compile_or_throw(VM& vm, const parser::Program& program, const std::string& code,
                                   const EvalScope* scope, std::string_view file_name) {
  try {
    return compiler::compile_eval(vm, program, code, scope, file_name);
  } catch (const compiler::CompileError& e) {
    vm.throw_error(ErrorType::kSyntaxError, e.message);
  }
}

// `text` is exactly one function expression, wrapped in parentheses.
bool one_function(const parser::ParseResult& parsed, std::size_t text_size) {
  if (!parsed.ok()) return false;
  const parser::Program& p = parsed.program();
  if (p.body.size() != 1 || p.body[0]->kind != parser::NodeKind::kExpressionStatement) return false;
  const parser::Node* e = static_cast<const parser::ExpressionStatement*>(p.body[0])->expression;
  return e->kind == parser::NodeKind::kFunctionExpression &&
         static_cast<const parser::FunctionNode*>(e)->source_end + 1 == text_size;
}

}  // namespace

Value VM::perform_eval(Value x, const EvalScope* scope, Environment* env, Frame* caller) {
  if (!x.is_string()) return x;
  std::string code = x.as_string()->to_utf8();
  // A direct eval in a function may use new.target, in a method super.x.
  bool in_function = caller != nullptr && !caller->tmpl->has(FunctionTemplate::kScript) &&
                     !caller->tmpl->has(FunctionTemplate::kModule) &&
                     !caller->tmpl->has(FunctionTemplate::kEval);
  bool in_method = caller != nullptr && caller->callee->home_object.is_object();
  std::vector<std::u16string> private_names;
  if (scope != nullptr) {
    for (const auto& b : scope->bindings) {
      // A class's private name "#x" (its methods' and accessors' hidden
      // bindings have a space or parentheses in their names).
      if (b.name.size() > 1 && b.name[0] == u'#' &&
          b.name.find_first_of(u" ()") == std::u16string::npos) {
        private_names.push_back(b.name);
      }
    }
  }
  parser::ParseResult parsed =
      caller == nullptr
          ? parser::parse(code, "<eval>", false)
          : parser::parse_eval(code, in_function, in_method, scope->no_arguments, private_names);
  if (!parsed.ok()) throw_error(ErrorType::kSyntaxError, parsed.error().message);
  // Where the code came from, as V8 names it in stack traces:
  // "eval at f (file:line:col), <anonymous>".
  std::string where = "<anonymous>";
  if (caller != nullptr) {
    FunctionTemplate* ct = caller->tmpl;
    SourcePosition p = ct->position_at(static_cast<std::uint32_t>(caller->pc - ct->code.data()));
    std::string name = ct->name.is_string() ? ct->name.as_string()->to_utf8() : "";
    if (name.empty() || ct->has(FunctionTemplate::kScript) || ct->has(FunctionTemplate::kModule))
      name = "<anonymous>";
    std::string file = ct->file_name.is_string() ? ct->file_name.as_string()->to_utf8() : "";
    where = "eval at " + name + " (" + file + ":" + std::to_string(p.line) + ":" +
            std::to_string(p.column) + "), <anonymous>";
  }
  FunctionTemplate* t = compile_or_throw(*this, parsed.program(), code, scope, where);
  Rooted rt(*this, Value::cell(t));
  JSFunction* fn = new_closure(t, env);
  if (caller == nullptr) return call(Value::object(fn), Value::undefined(), {});
  // The eval code runs with the caller's this, new.target and home object.
  fn->home_object = caller->callee->home_object;
  push_frame(fn, caller->regs[0], nullptr, 0, caller->new_target, false, 0, true);
  return execute(frames_.size() - 1);
}

Value VM::intrinsic(Frame* f, const std::uint16_t* pc) {
  switch (static_cast<Intrinsic>(pc[2])) {
    case Intrinsic::kImportCall:
      return dynamic_import(f->regs[pc[3]], f->tmpl);
    case Intrinsic::kImportMeta:
      return import_meta(f->tmpl);
    case Intrinsic::kDirectEval:
      return perform_eval(f->regs[pc[3]], &f->tmpl->eval_scopes[pc[4]], f->env, f);
    case Intrinsic::kSloppyThis: {
      Value t = f->regs[0];
      if (t.is_nullish()) return Value::object(global());
      return t.is_object() ? t : Value::object(to_object(t));
    }
  }
  return Value::undefined();
}

Value VM::create_dynamic_function(int kind, std::span<const Value> args, Value new_target) {
  static const char* const kPrefix[] = {"function", "function*", "async function",
                                        "async function*"};
  Rooted rn(*this, new_target);
  std::string params;
  std::string body;
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    if (i > 0) params += ',';
    params += to_string(args[i])->to_utf8();
  }
  if (!args.empty()) body = to_string(args.back())->to_utf8();
  std::string prefix = kPrefix[kind];
  // The parameters and the body must each parse on their own (so neither
  // can close the other early), then the whole.
  std::string p_only = "(" + prefix + " anonymous(" + params + "\n) {\n})";
  std::string b_only = "(" + prefix + " anonymous(\n) {\n" + body + "\n})";
  std::string whole = "(" + prefix + " anonymous(" + params + "\n) {\n" + body + "\n})";
  parser::ParseResult pp = parser::parse(p_only, "<function>", false);
  if (!one_function(pp, p_only.size())) {
    throw_error(ErrorType::kSyntaxError,
                pp.ok() ? "Arg string terminates parameters early" : pp.error().message);
  }
  parser::ParseResult bp = parser::parse(b_only, "<function>", false);
  if (!one_function(bp, b_only.size())) {
    throw_error(ErrorType::kSyntaxError,
                bp.ok() ? "Function body terminates the function early" : bp.error().message);
  }
  parser::ParseResult parsed = parse_or_throw(*this, whole);
  if (!one_function(parsed, whole.size())) {
    throw_error(ErrorType::kSyntaxError, "Invalid function source text");
  }
  // Without a "use strict" directive the function is sloppy: Kite gives it
  // a sloppy function's `this` (the rest of its code stays strict).
  auto* fnode = const_cast<parser::FunctionNode*>(static_cast<const parser::FunctionNode*>(
      static_cast<const parser::ExpressionStatement*>(parsed.program().body[0])->expression));
  bool use_strict = false;
  for (const parser::Node* st : fnode->body) {
    if (st->kind != parser::NodeKind::kExpressionStatement) break;
    const parser::Node* e = static_cast<const parser::ExpressionStatement*>(st)->expression;
    if (e->kind != parser::NodeKind::kStringLiteral) break;
    std::string_view text(whole.data() + e->pos.offset, e->end - e->pos.offset);
    if (text == "\"use strict\"" || text == "'use strict'") use_strict = true;
  }
  fnode->sloppy_this = !use_strict;
  FunctionTemplate* t = compile_or_throw(*this, parsed.program(), whole, nullptr, "<anonymous>");
  Rooted rt(*this, Value::cell(t));
  Rooted fn(*this, call(Value::object(new_closure(t, nullptr)), Value::undefined(), {}));
  Object* fallback = kind == 0   ? intrinsics_.function_prototype
                     : kind == 1 ? intrinsics_.generator_function_prototype
                     : kind == 2 ? intrinsics_.async_function_prototype
                                 : intrinsics_.async_generator_function_prototype;
  Object* proto = builtins::prototype_from_constructor(*this, rn.get(), fallback);
  if (proto != fallback) set_prototype(fn.object(), proto);
  return fn.get();
}

}  // namespace kite::vm
