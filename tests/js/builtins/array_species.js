"use strict";
class MyArray extends Array {}
const m = new MyArray(); m.push(1, 2, 3);
console.log(m.slice(1) instanceof MyArray, m.map((x) => x * 2) instanceof MyArray, m.filter((x) => x > 1) instanceof MyArray);
console.log(JSON.stringify(m.slice(1)), JSON.stringify(m.map((x) => x * 2)), JSON.stringify(m.filter((x) => x > 1)));
const plain = [1, 2, 3];
plain.constructor = { [Symbol.species]: null };
console.log(Array.isArray(plain.map((x) => x)));
const bad = [1];
bad.constructor = null;
try { bad.slice(); } catch (e) { console.log(e instanceof TypeError); }
console.log([1, 2, 3].map((x) => x + 1).join(), [1, 2, 3].filter((x) => x & 1).join(), [1, 2, 3, 4].slice(1, 3).join());
class A2 extends Array {}; console.log(A2.of(1,2) instanceof A2, A2.of(1,2).length, Array.from({length:2, 0:"a", 1:"b"}).join(), A2.from(new Set([1,2])).length, Array.of(7).length)
class A3 extends Array {}; const a = new A3(); a.push(1,2,3); console.log(a.splice(0,1) instanceof A3, a.concat([9]) instanceof A3, [1].concat([2],3).join(), [1,2,3].splice(1,1).join())
