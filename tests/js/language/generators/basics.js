// Generators: next/return/throw, yield*, finally on return, for-of close,
// destructuring and spread, methods, parameters evaluated at the call, and a
// million yields (no C stack per resume).
function* count(n) { for (let i = 0; i < n; i++) { const got = yield i; if (got) console.log('got', got); } return 'end'; }
const g = count(3);
console.log(g.next(), g.next('a'), g.next(), g.next(), g.next());
console.log([...count(4)], Array.from(count(2)));
for (const x of count(3)) console.log('for-of', x);
const [a, b, ...rest] = count(5); console.log(a, b, rest);
function* inner() { const x = yield 1; yield x * 2; return 'inner done'; }
function* outer() { const r = yield* inner(); console.log('r', r); yield* [10, 20]; yield* 'hi'; }
const o = outer(); console.log(o.next(), o.next(21), o.next(), o.next(), o.next(), o.next(), o.next(), o.next());
function* fin() { try { yield 1; yield 2; } finally { console.log('cleanup'); } }
const f = fin(); console.log(f.next(), f.return(9), f.next());
for (const v of fin()) { console.log('v', v); break; }
function* thrower() { try { yield 1; } catch (e) { console.log('caught', e); yield 'after'; } }
const t = thrower(); console.log(t.next(), t.throw('boom'), t.next());
const obj = { *gen() { yield this.x; }, x: 42 }; console.log([...obj.gen()]);
class C { *[Symbol.iterator]() { yield 1; yield 2; } static *s() { yield 's'; } }
console.log([...new C()], [...C.s()]);
console.log(Object.prototype.toString.call(count(1)), typeof count, count.prototype instanceof Object, Object.getPrototypeOf(count(1)) === count.prototype);
try { new count(1); } catch (e) { console.log(e.constructor.name); }
function* defaults(a = console.log('param evaluated at call')) { console.log('body at first next'); }
const d = defaults(); console.log('before next'); d.next();
let big = 0; function* many() { for (let i = 0; i < 1000000; i++) yield i; } for (const v of many()) big += v; console.log(big);
