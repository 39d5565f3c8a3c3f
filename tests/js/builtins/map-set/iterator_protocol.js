const m = new Map([['a', 1]]);
const it = m[Symbol.iterator]();
console.log(it.next(), it.next());
const s = new Set([5]);
const sit = s.values();
console.log(sit.next(), sit.next());
console.log(typeof m.entries().next, m[Symbol.iterator] === m.entries, Set.prototype.keys === Set.prototype.values);
