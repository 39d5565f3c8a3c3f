"use strict";
const log = [];
const src = { [Symbol.iterator]() { log.push('iterator'); return { next() { log.push('step'); return { value: undefined, done: false }; }, return() { log.push('return'); return {}; } }; } };
const obj = { set p(v) { log.push('put ' + v); } };
function target() { log.push('target'); return obj; }
function key() { log.push('key'); return 'p'; }
[target()[key()] = (log.push('default'), 'd')] = src;
console.log(log.join(','));
const o2 = {};
[o2.a, o2['b'], ...o2.rest] = [1, 2, 3, 4];
console.log(JSON.stringify(o2));
