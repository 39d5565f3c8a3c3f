// The register bytecode.
//
// Code is a sequence of 16-bit units: an opcode followed by its operands.
// Operand kinds (one letter each in the format strings below):
//   r  register index (frame-relative)      k  constant-pool index
//   i  signed 16-bit immediate              n  count / small unsigned
//   c  inline-cache slot of this function   t  jump target (2 units: absolute pc)
//   q  64-bit literal (4 units, little-endian)
// Register 0 is `this`; registers 1..P are the parameters.
#pragma once

#include <cstdint>

namespace kite::vm {

// What the Intrinsic instruction does (its second operand): the rare
// operations that need the running frame, behind one opcode.
enum class Intrinsic : std::uint16_t {
  kImportCall,  // import(reg): a promise of the namespace
  kImportMeta,  // the running module's import.meta
  kDirectEval,  // eval(reg) seeing the frame's EvalScope n (the callee is %eval%)
  kSloppyThis,  // register 0 as a sloppy function's `this` (OrdinaryCallBindThis)
};

// clang-format off
#define KITE_OPCODES(X)                                                          \
  /* moves and constants */                                                    \
  X(Mov, "rr")            /* dst, src */                                       \
  X(LoadK, "rk")          /* dst, constant */                                  \
  X(LoadI, "ri")          /* dst, int16 */                                     \
  X(LoadUndef, "r")                                                            \
  X(LoadGlobalThis, "r")  /* dst: the global object (top-level `this`) */      \
  X(LoadNull, "r")                                                             \
  X(LoadTrue, "r")                                                             \
  X(LoadFalse, "r")                                                            \
  X(LoadHole, "r")        /* TDZ marker */                                     \
  X(CheckTdz, "rk")       /* reg, name: ReferenceError if reg is the hole */   \
  X(CheckThis, "r")       /* derived constructors: `this` before super() */    \
  X(ThrowConstAssign, "k")                                                     \
  /* environments (captured variables) */                                      \
  X(PushEnv, "n")         /* new env of n slots (holes) */                     \
  X(PopEnv, "")                                                                \
  X(CopyEnv, "")          /* fresh copy of the current env (per-iteration let) */\
  X(GetEnv, "r")          /* dst = current env */                              \
  X(SetEnv, "r")          /* current env = src */                              \
  X(LdEnv, "rnn")         /* dst, depth, slot */                               \
  X(LdEnvChecked, "rnnk") /* dst, depth, slot, name (TDZ check) */             \
  X(StEnv, "nnr")         /* depth, slot, src */                               \
  X(StEnvChecked, "nnrk") /* depth, slot, src, name (TDZ check) */             \
  /* globals */                                                                \
  X(LdGlobal, "rkc")      /* dst, name, ic */                                  \
  X(LdGlobalOrUndef, "rk") /* typeof x on an undeclared global */              \
  X(StGlobal, "krc")      /* name, src, ic */                                  \
  X(DeclGlobalVar, "k")   /* var name at top level */                          \
  X(DeclGlobalFunc, "kr") /* function name at top level, closure */            \
  X(DeclGlobalLex, "knn") /* name, env slot, is_const: top-level let/const/class */\
  X(LoadCallee, "r")      /* the running function (named function expressions) */\
  /* modules (vm/modules.h) */                                                 \
  X(LdImport, "rnnk")     /* dst, depth, slot, name: read through an import reference */\
  X(Intrinsic, "rnrn")    /* dst, which (Intrinsic), operand reg, n: vm/eval.cpp */\
  /* properties */                                                             \
  X(GetProp, "rrkc")      /* dst, obj, name, ic */                             \
  X(SetProp, "rkrc")      /* obj, name, src, ic */                             \
  X(GetLength, "rrc")     /* dst, obj, ic: obj.length */                       \
  X(GetElem, "rrr")       /* dst, obj, key */                                  \
  X(SetElem, "rrr")       /* obj, key, src */                                  \
  X(DelProp, "rrr")       /* dst, obj, key */                                  \
  X(GetSuper, "rr")       /* dst, key: super[key] */                           \
  X(SetSuper, "rr")       /* key, src */                                       \
  X(DefineField, "rkrc")  /* obj, name, src, ic: CreateDataProperty */         \
  X(DefineElem, "rrr")    /* obj, key, src */                                  \
  X(DefineGetter, "rrrn") /* obj, key, fn, enumerable */                      \
  X(DefineSetter, "rrrn") /* obj, key, fn, enumerable */                      \
  X(DefineMethod, "rrr")  /* obj, key, fn: non-enumerable (classes) */         \
  X(CopyProps, "rr")      /* obj, src: {...src} */                             \
  X(CopyPropsExcept, "rrrn") /* dst, src, first excluded key reg, count */     \
  X(NewObject, "r")                                                            \
  X(NewArray, "rn")       /* dst, capacity */                                  \
  X(NewRegExp, "rkk")     /* dst, pattern, flags: a regular expression literal */\
  X(ArrayPush, "rr")      /* arr, value */                                     \
  X(ArrayHole, "r")       /* arr: append a hole */                             \
  X(ArraySpread, "rr")    /* arr, iterable */                                  \
  X(NewClosure, "rk")     /* dst, template */                                  \
  X(NewClass, "rrrk")     /* dst(ctor), proto out, super (or hole), template */\
  X(SetHome, "rr")        /* fn, home object */                                \
  X(SetFunctionName, "rr") /* fn, key: name an anonymous function (computed keys) */\
  X(SetFields, "rr")      /* ctor, field initializer fn */                     \
  X(InitFields, "")       /* run this function's class field initializer on this */\
  X(CreateArguments, "r")                                                      \
  X(CreateRest, "rn")     /* dst, index of first rest argument */              \
  X(ToPropertyKey, "rr")                                                       \
  /* private elements (vm/private_elements.cpp) */                            \
  X(NewPrivateName, "rk") /* dst, description: a class's new private name */   \
  X(GetPrivate, "rrrc")   /* dst, obj, name, ic: obj.#x */                     \
  X(SetPrivate, "rrrc")   /* obj, name, src, ic: obj.#x = src */               \
  X(DefinePrivate, "rrrn") /* obj, name, value, is_method */                   \
  X(DefinePrivateAccessor, "rrrr") /* obj, name, getter, setter */             \
  X(HasPrivate, "rrr")    /* dst, name, obj: #x in obj */                      \
  /* operators */                                                              \
  X(Add, "rrr") X(Sub, "rrr") X(Mul, "rrr") X(Div, "rrr") X(Mod, "rrr")        \
  X(Exp, "rrr") X(BitAnd, "rrr") X(BitOr, "rrr") X(BitXor, "rrr")             \
  X(Shl, "rrr") X(Shr, "rrr") X(UShr, "rrr")                                   \
  X(Eq, "rrr") X(Ne, "rrr") X(StrictEq, "rrr") X(StrictNe, "rrr")             \
  X(Lt, "rrr") X(Le, "rrr") X(Gt, "rrr") X(Ge, "rrr")                          \
  X(InstanceOf, "rrr") X(In, "rrr")                                            \
  X(AddI, "rri")          /* dst, src, int16 */                                \
  X(AddK, "rrk") X(SubK, "rrk") X(MulK, "rrk") X(DivK, "rrk")                \
  X(ModK, "rrkq")         /* dst, src, constant, fastmod multiplier (0: none) */ \
                          /* dst, src, number constant */                      \
  X(Neg, "rr") X(ToNumber, "rr") X(ToNumeric, "rr") X(Not, "rr")               \
  X(BitNot, "rr") X(TypeOf, "rr") X(Inc, "rr") X(Dec, "rr")                    \
  X(ToString, "rr")       /* template literal substitution */                  \
  X(Concat, "rrn")        /* dst, first, count: strings in registers, joined */ \
  /* control */                                                                \
  X(Jmp, "t")                                                                  \
  X(JmpTrue, "rt") X(JmpFalse, "rt")                                           \
  X(JmpNullish, "rt") X(JmpNotNullish, "rt") X(JmpUndef, "rt")                 \
  X(JmpNotHole, "rt")                                                          \
  X(JLt, "rrt") X(JLe, "rrt") X(JGt, "rrt") X(JGe, "rrt")                      \
  /* jump when the comparison is false (NaN included) */                  \
  X(JNLt, "rrt") X(JNLe, "rrt") X(JNGt, "rrt") X(JNGe, "rrt")                  \
  /* compare with an int16 immediate: reg, imm, target */                      \
  X(JLtI, "rit") X(JLeI, "rit") X(JGtI, "rit") X(JGeI, "rit")                  \
  X(JNLtI, "rit") X(JNLeI, "rit") X(JNGtI, "rit") X(JNGeI, "rit")              \
  X(JStrictEq, "rrt") X(JStrictNe, "rrt")                                      \
  X(JStrictEqK, "rkt") X(JStrictNeK, "rkt") /* reg, number constant, target */ \
  X(Call, "rrrrn")        /* dst, callee, this, first arg, argc */             \
  X(CallU, "rrrn")        /* dst, callee, first arg, argc; this = undefined */ \
  X(CallSpread, "rrrr")   /* dst, callee, this, args array */                  \
  X(New, "rrrn")          /* dst, callee, first arg, argc */                   \
  X(NewSpread, "rrr")     /* dst, callee, args array */                        \
  X(SuperCall, "rrn")     /* dst, first arg, argc */                           \
  X(SuperCallSpread, "rr")/* dst, args array */                                \
  X(NewTarget, "r")                                                            \
  X(Ret, "r")                                                                  \
  X(RetUndef, "")                                                              \
  X(Throw, "r")                                                                \
  X(ThrowTypeError, "k")  /* message */                                        \
  /* iteration */                                                              \
  X(GetIter, "rr")        /* iter, iterable */                                 \
  X(IterNext, "rrt")      /* value, iter, done target */                       \
  X(IterClose, "r")                                                            \
  X(ForInPrepare, "rr")   /* iter, object */                                   \
  X(ForInNext, "rrt")     /* key, iter, done target */                         \
  /* generators (vm/generator.cpp) */                                         \
  X(GenStart, "r")        /* gen: make the generator, save the frame, return it */\
  X(Yield, "rrrr")        /* gen, received, mode, value: suspend, yield value */\
  X(YieldRaw, "rrrr")     /* as Yield; value is already an iterator result */  \
  X(YieldDelegate, "rrrrr") /* result, iter, mode, received, state: yield* step */\
  X(AsyncStart, "r")      /* co: the async function's coroutine and promise */ \
  X(Await, "rrrr")        /* co, received, mode, value: suspend until settled */\
  X(AsyncReturn, "rr")    /* co, value: resolve the promise, return it */      \
  X(AsyncThrow, "rr")     /* co, exception: reject the promise, return it */   \
  X(AsyncYield, "rrrr")   /* gen, received, mode, value: async generator yield */\
  X(GetAsyncIter, "rr")   /* iter, iterable: GetIterator(iterable, async) */    \
  X(AsyncIterNext, "rr")  /* result, iter: Call(next, iterator) */             \
  X(IterResult, "rrt")    /* value, result, done target */                     \
  X(AsyncIterClose, "rrt") /* result, iter, target if it has no return */      \
  X(CheckObject, "r")     /* TypeError unless an object (iterator result) */   \
  X(AsyncYieldDelegate, "rrrr") /* result, iter, mode, received */             \
  X(Debugger, "")                                                              \
  X(Nop, "")

// clang-format on

// What a yield* step (YieldDelegate) left in its result register.
enum class DelegateState : std::int32_t {
  kResult = 0,      // an inner result object, not done: yield it as it is
  kValue = 1,       // a value a built-in iterator or generator yielded: yield it
  kDoneResult = 2,  // a done result object: the value is its `value`
  kDoneValue = 3,   // done, with the value itself
};

enum class Op : std::uint16_t {
#define KITE_OP_ENUM(name, fmt) k##name,
  KITE_OPCODES(KITE_OP_ENUM)
#undef KITE_OP_ENUM
      kCount
};

inline constexpr const char* kOpNames[] = {
#define KITE_OP_NAME(name, fmt) #name,
    KITE_OPCODES(KITE_OP_NAME)
#undef KITE_OP_NAME
};

inline constexpr const char* kOpFormats[] = {
#define KITE_OP_FMT(name, fmt) fmt,
    KITE_OPCODES(KITE_OP_FMT)
#undef KITE_OP_FMT
};

// Units an instruction occupies, opcode included.
// Code units one operand of format letter `f` occupies.
constexpr std::uint32_t operand_units(char f) {
  return f == 't' ? 2 : f == 'q' ? 4 : 1;
}

constexpr std::uint32_t op_length(Op op) {
  std::uint32_t n = 1;
  for (const char* f = kOpFormats[static_cast<int>(op)]; *f != '\0'; ++f) n += operand_units(*f);
  return n;
}

}  // namespace kite::vm
