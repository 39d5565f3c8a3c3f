'use strict';
const o = { a: 1 };
Object.defineProperty(o, 'hidden', { value: 2 });
console.log(Object.getOwnPropertyNames(o), Object.keys(o));
console.log(Object.getOwnPropertyNames([1, 2]));
console.log(Object.getOwnPropertyNames('ab'));
console.log(Object.getOwnPropertyNames(function f(a) {}).sort());
