// %ThrowTypeError%: Function.prototype.caller/arguments and a strict arguments object's callee.
"use strict";
function f() { return arguments; }
const a = f(1, 2);
try { a.callee; } catch (e) { console.log(e.constructor.name); }
try { f.caller; } catch (e) { console.log(e.constructor.name); }
const d = Object.getOwnPropertyDescriptor(Function.prototype, "caller");
console.log(d.get === d.set, Object.isExtensible(d.get), d.get.length, JSON.stringify(d.get.name), Object.keys(a), a.length);
console.log(Object.getOwnPropertyNames(a));
