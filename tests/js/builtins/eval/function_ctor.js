// gc-stress
"use strict";
// new Function and the kinds of function made from source text.
const add = new Function("a", "b", "return a + b");
console.log(add(2, 3), add.name, add.length, String(add));
console.log(Function("a, b", "c", "return a + b + c")(1, 2, 3), Function()());
console.log(Function("return this")() === globalThis, Function("'use strict'; return this")());
const G = Object.getPrototypeOf(function* () {}).constructor;
const gen = new G("a", "yield a; yield a * 2");
console.log([...gen(5)], Object.getPrototypeOf(gen) === G.prototype);
const AF = Object.getPrototypeOf(async function () {}).constructor;
new AF("x", "return await x")(7).then((v) => console.log("async", v));
for (const [p, b] of [["a){ return 1; }; (function(", ""], ["", "}); (function() {"], ["/*", "*/){"]]) {
  try {
    Function(p, b);
    console.log("accepted", p);
  } catch (e) {
    console.log(e.name);
  }
}
class MyFn extends Function {}
const m = new MyFn("return 1");
console.log(m(), m instanceof MyFn, m instanceof Function);
