// yield and yield* (ECMA-262 15.5.5, 27.5.3.7 GeneratorYield). A yield
// suspends the frame (Yield saves every register into the generator) and
// resumes after the instruction with the value sent in `received` and how
// it was resumed in `mode`: 0 next(v), 1 throw(v), 2 return(v). The code
// after each yield turns a throw into a throw and a return into a return
// through the enclosing finally blocks, as the spec's abrupt completions.
#include "compiler/function_compiler.h"

namespace kite::compiler {

using parser::Node;
using parser::YieldExpression;
using vm::Op;

void FunctionCompiler::resume_dispatch(Reg received, Reg mode, const Node* at) {
  Label next = e_.new_label();
  Label ret = e_.new_label();
  e_.emit_jump(Op::kJLtI, {mode, 1}, next);
  e_.emit_jump(Op::kJGtI, {mode, 1}, ret);
  e_.emit(Op::kThrow, {received});
  e_.bind(ret);
  jump_out(-1, false, received, at);
  e_.bind(next);
}

void FunctionCompiler::emit_return(Reg value) {
  if (is_async_) {
    e_.emit(Op::kAsyncReturn, {gen_reg_, value});
  } else {
    e_.emit(Op::kRet, {value});
  }
}

// await (27.7.5.3 Await): suspend until the value settles; resumed with
// mode 0 (fulfilled, the value in `received`) or 1 (rejected: throw it).
void FunctionCompiler::await_expr(const parser::AwaitExpression* a, Reg dst) {
  if (!is_async_) {
    // Only a computed class field key gets here (it is compiled again into
    // the field initializer): not supported yet.
    pos(a);
    e_.emit(Op::kThrowTypeError,
            {e_.ascii_constant("await in a computed class field name is not supported yet")});
    return;
  }
  Reg mark = e_.temp_mark();
  Reg value = temp();
  Reg mode = temp();
  expr(a->argument, value);
  pos(a);
  e_.emit(Op::kAwait, {gen_reg_, value, mode, value});
  Label next = e_.new_label();
  e_.emit_jump(Op::kJLtI, {mode, 1}, next);
  e_.emit(Op::kThrow, {value});
  e_.bind(next);
  e_.emit(Op::kMov, {dst, value});
  e_.free_temps_to(mark);
}

void FunctionCompiler::yield_expr(const YieldExpression* y, Reg dst) {
  if (gen_reg_ == 0 || is_async_) {
    // As for await: a computed class field key compiled into the field
    // initializer, which is not the generator.
    pos(y);
    e_.emit(Op::kThrowTypeError,
            {e_.ascii_constant("yield in a computed class field name is not supported yet")});
    return;
  }
  if (y->delegate) {
    yield_star(y, dst);
    return;
  }
  Reg mark = e_.temp_mark();
  Reg value = temp();
  Reg mode = temp();
  if (y->argument != nullptr) {
    expr(y->argument, value);
  } else {
    e_.emit(Op::kLoadUndef, {value});
  }
  pos(y);
  e_.emit(Op::kYield, {gen_reg_, value, mode, value});
  resume_dispatch(value, mode, y);
  e_.emit(Op::kMov, {dst, value});
  e_.free_temps_to(mark);
}

// yield*: each YieldDelegate step calls the inner iterator's next, throw
// or return with the received value (closing it and throwing a TypeError
// when it has no throw method) and leaves the inner result object; while it
// is not done, that object is yielded as it is.
void FunctionCompiler::yield_star(const YieldExpression* y, Reg dst) {
  Reg mark = e_.temp_mark();
  Reg iter = temp();
  Reg received = temp();
  Reg mode = temp();
  Reg result = temp();
  Reg done = temp();
  expr(y->argument, received);
  pos(y);
  e_.emit(Op::kGetIter, {iter, received});
  e_.emit(Op::kLoadUndef, {received});
  e_.emit(Op::kLoadI, {mode, 0});
  Label loop = e_.new_label();
  Label finish = e_.new_label();
  e_.bind(loop);
  e_.emit(Op::kYieldDelegate, {result, iter, mode, received});
  e_.emit(Op::kGetProp, {done, result, e_.ascii_constant("done"), e_.new_ic()});
  e_.emit_jump(Op::kJmpTrue, {done}, finish);
  e_.emit(Op::kYieldRaw, {gen_reg_, received, mode, result});
  e_.emit_jump(Op::kJmp, {}, loop);
  e_.bind(finish);
  e_.emit(Op::kGetProp, {received, result, e_.ascii_constant("value"), e_.new_ic()});
  // A return forwarded to the inner iterator that it completed: return.
  Label normal = e_.new_label();
  e_.emit_jump(Op::kJLtI, {mode, 2}, normal);
  jump_out(-1, false, received, y);
  e_.bind(normal);
  e_.emit(Op::kMov, {dst, received});
  e_.free_temps_to(mark);
}

}  // namespace kite::compiler
