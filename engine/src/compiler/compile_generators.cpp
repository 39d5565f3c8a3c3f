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
  if (gen_reg_ == 0 || (is_async_ && !is_async_gen_)) {
    // As for await: a computed class field key compiled into the field
    // initializer, which is not the generator.
    pos(y);
    e_.emit(Op::kThrowTypeError,
            {e_.ascii_constant("yield in a computed class field name is not supported yet")});
    return;
  }
  if (y->delegate) {
    if (is_async_gen_) {
      async_yield_star(y, dst);
    } else {
      yield_star(y, dst);
    }
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
  if (is_async_gen_) {
    // Yield (27.5.3.7 step 2): AsyncGeneratorYield(? Await(value)).
    await_in_place(value);
    e_.emit(Op::kAsyncYield, {gen_reg_, value, mode, value});
    async_unwrap(value, mode);
  } else {
    e_.emit(Op::kYield, {gen_reg_, value, mode, value});
  }
  resume_dispatch(value, mode, y);
  e_.emit(Op::kMov, {dst, value});
  e_.free_temps_to(mark);
}

// yield*: each YieldDelegate step calls the inner iterator's next, throw
// or return with the received value (closing it and throwing a TypeError
// when it has no throw method). While not done, what it returns is yielded:
// a generic iterator's result object as it is (YieldRaw), a value from a
// generator or built-in iterator stepped directly as a value (Yield, no
// result object). `state` says which (vm::DelegateState).
void FunctionCompiler::yield_star(const YieldExpression* y, Reg dst) {
  Reg mark = e_.temp_mark();
  Reg iter = temp();
  Reg received = temp();
  Reg mode = temp();
  Reg result = temp();
  Reg state = temp();
  expr(y->argument, received);
  pos(y);
  e_.emit(Op::kGetIter, {iter, received});
  e_.emit(Op::kLoadUndef, {received});
  e_.emit(Op::kLoadI, {mode, 0});
  Label loop = e_.new_label();
  Label raw = e_.new_label();
  Label finish = e_.new_label();
  Label have_value = e_.new_label();
  e_.bind(loop);
  e_.emit(Op::kYieldDelegate, {result, iter, mode, received, state});
  e_.emit_jump(Op::kJGeI, {state, static_cast<std::uint16_t>(vm::DelegateState::kDoneResult)},
               finish);
  e_.emit_jump(Op::kJLtI, {state, static_cast<std::uint16_t>(vm::DelegateState::kValue)}, raw);
  e_.emit(Op::kYield, {gen_reg_, received, mode, result});
  e_.emit_jump(Op::kJmp, {}, loop);
  e_.bind(raw);
  e_.emit(Op::kYieldRaw, {gen_reg_, received, mode, result});
  e_.emit_jump(Op::kJmp, {}, loop);
  e_.bind(finish);
  e_.emit_jump(Op::kJGtI, {state, static_cast<std::uint16_t>(vm::DelegateState::kDoneResult)},
               have_value);
  e_.emit(Op::kGetProp, {result, result, e_.ascii_constant("value"), e_.new_ic()});
  e_.bind(have_value);
  // A return forwarded to the inner iterator that it completed: return.
  Label normal = e_.new_label();
  e_.emit_jump(Op::kJLtI, {mode, 2}, normal);
  jump_out(-1, false, result, y);
  e_.bind(normal);
  e_.emit(Op::kMov, {dst, result});
  e_.free_temps_to(mark);
}

}  // namespace kite::compiler

namespace kite::compiler {

// Await in place: `value` receives the settled value; a rejection throws.
void FunctionCompiler::await_in_place(Reg value) {
  Reg mode = temp();
  e_.emit(Op::kAwait, {gen_reg_, value, mode, value});
  Label fulfilled = e_.new_label();
  e_.emit_jump(Op::kJLtI, {mode, 1}, fulfilled);
  e_.emit(Op::kThrow, {value});
  e_.bind(fulfilled);
  e_.free_temps_to(mode);
}

// AsyncGeneratorUnwrapYieldResumption (27.6.3.7): a return resumption's
// value is awaited first; if that rejects, the resumption is a throw.
void FunctionCompiler::async_unwrap(Reg received, Reg mode) {
  Label done = e_.new_label();
  e_.emit_jump(Op::kJLtI, {mode, 2}, done);
  Reg awaited = temp();
  e_.emit(Op::kAwait, {gen_reg_, received, awaited, received});
  e_.emit_jump(Op::kJLtI, {awaited, 1}, done);
  e_.emit(Op::kLoadI, {mode, 1});
  e_.bind(done);
  e_.free_temps_to(awaited);
}

// yield* in an async generator (15.5.5 step 7, generatorKind async): the
// inner iterator is an async one, each result is awaited, and its values
// are yielded without another await. AsyncYieldDelegate sets mode 3 when a
// return finds no return method, 4 when a throw finds no throw method (and
// called return: AsyncIteratorClose, then a TypeError).
void FunctionCompiler::async_yield_star(const YieldExpression* y, Reg dst) {
  Reg mark = e_.temp_mark();
  Reg iter = temp();
  Reg received = temp();
  Reg mode = temp();
  Reg result = temp();
  Reg value = temp();
  expr(y->argument, received);
  pos(y);
  e_.emit(Op::kGetAsyncIter, {iter, received});
  e_.emit(Op::kLoadUndef, {received});
  e_.emit(Op::kLoadI, {mode, 0});
  Label loop = e_.new_label();
  Label special = e_.new_label();
  Label no_throw = e_.new_label();
  Label finish = e_.new_label();
  e_.bind(loop);
  e_.emit(Op::kAsyncYieldDelegate, {result, iter, mode, received});
  e_.emit_jump(Op::kJGeI, {mode, 3}, special);
  await_in_place(result);
  e_.emit_jump(Op::kIterResult, {value, result}, finish);
  e_.emit(Op::kAsyncYield, {gen_reg_, received, mode, value});
  async_unwrap(received, mode);
  e_.emit_jump(Op::kJmp, {}, loop);
  e_.bind(special);
  e_.emit_jump(Op::kJGtI, {mode, 3}, no_throw);
  await_in_place(received);
  jump_out(-1, false, received, y);
  e_.bind(no_throw);
  await_in_place(result);
  e_.emit(Op::kCheckObject, {result});
  e_.emit(Op::kThrowTypeError,
          {e_.ascii_constant("The iterator does not provide a 'throw' method")});
  e_.bind(finish);
  e_.emit(Op::kGetProp, {received, result, e_.ascii_constant("value"), e_.new_ic()});
  Label normal = e_.new_label();
  e_.emit_jump(Op::kJLtI, {mode, 2}, normal);
  await_in_place(received);
  jump_out(-1, false, received, y);
  e_.bind(normal);
  e_.emit(Op::kMov, {dst, received});
  e_.free_temps_to(mark);
}

// Leaving a for-of or for-await loop early: IteratorClose, or for await
// AsyncIteratorClose (7.4.13): return() is called, its result awaited and
// checked to be an object.
void FunctionCompiler::close_iterator(const Target& t) {
  if (t.iter_done != 0) {
    // An array pattern's iterator, unless the pattern already exhausted it.
    // Marked done first: the close runs inside the pattern's own throw
    // handler, which must not close it a second time if return() throws.
    Label done = e_.new_label();
    e_.emit_jump(Op::kJmpTrue, {t.iter_done}, done);
    e_.emit(Op::kLoadTrue, {t.iter_done});
    e_.emit(Op::kIterClose, {t.iter});
    e_.bind(done);
    return;
  }
  if (!t.async_iter) {
    e_.emit(Op::kIterClose, {t.iter});
    return;
  }
  Reg r = temp();
  Label none = e_.new_label();
  e_.emit_jump(Op::kAsyncIterClose, {r, t.iter}, none);
  await_in_place(r);
  e_.emit(Op::kCheckObject, {r});
  e_.bind(none);
  e_.free_temps_to(r);
}

}  // namespace kite::compiler
