// gc-stress
"use strict";
// eval: completion values, direct eval seeing the caller's bindings, indirect eval in the global scope.
console.log(eval("1 + 2"), eval("1; if (false) {}"), eval("1; var q = 2;"), eval("try { 5 } finally { 6 }"));
console.log(eval("let a = 1; do { a++; } while (a < 3)"), eval("for (const k of [1, 2]) k * 10"), eval(""));
console.log(eval(42), eval({ x: 1 }).x, eval());
function f(a) {
  const y = 20;
  return eval("a + y + arguments.length");
}
console.log(f(1, 2));
class C {
  constructor() {
    this.v = "v";
  }
  m() {
    return eval("this.v");
  }
}
console.log(new C().m());
function counter() {
  let n = 0;
  return () => eval("++n");
}
const c = counter();
c();
console.log(c());
console.log(eval("var z = 1; function g() { return z + 1; } g()"), typeof z, typeof g);
const indirect = eval;
globalThis.gv = 1;
console.log(indirect("typeof gv"), (0, eval)("this === globalThis"));
try {
  eval("const k = 1; k = 2;");
} catch (e) {
  console.log(e.name, e.message);
}
try {
  eval("let let = 1");
} catch (e) {
  console.log(e.name);
}
try {
  eval("(");
} catch (e) {
  console.log(e instanceof SyntaxError);
}
const realEval = globalThis.eval;
globalThis.eval = (x) => "not %eval%: " + x;
console.log(eval("1 + 1"));
globalThis.eval = realEval;
console.log(eval("2 + 2"));
class A {
  get x() {
    return "A.x";
  }
}
class B extends A {
  f = eval("super.x");
  m() {
    return eval("super.x + ' ' + (() => eval('super.x'))()");
  }
  constructor() {
    super();
    this.nt = eval("new.target === B");
  }
}
const b = new B();
console.log(b.f, b.m(), b.nt);
function F() {
  return eval("new.target");
}
console.log(new F() instanceof F, F());
class P {
  #secret = "private";
  #hidden() {
    return "method";
  }
  read() {
    return eval("this.#secret + ' ' + this.#hidden()");
  }
}
console.log(new P().read());
