'use strict';
const o = Object.freeze({ a: 1, nested: { b: 2 } });
console.log(Object.isFrozen(o), Object.isFrozen(o.nested));
try { o.a = 2; } catch (e) { console.log(e.name + ': ' + e.message); }
try { o.c = 3; } catch (e) { console.log(e.name + ': ' + e.message); }
o.nested.b = 20;
console.log(o);
console.log(Object.isFrozen({}), Object.isFrozen(Object.preventExtensions({})), Object.isFrozen(1));
