"use strict";
function makeIter(log) {
  return { [Symbol.iterator]() { let i = 0; return { next() { return { value: i++, done: false }; }, return() { log.push('closed'); return {}; } }; } };
}
const log = [];
try { const [a, b = (() => { throw new Error("never"); })(), c = undefined] = makeIter(log); log.push(String(b)); } catch (e) { log.push(e.message); }
try { let x; [x, { y: x.z }] = makeIter(log); } catch (e) { log.push(e.constructor.name); }
function* g() { const [p = yield 'y1', q] = makeIter(log); return p; }
const it = g();
it.next();
console.log(JSON.stringify(it.return('r')), log.join(','));
const [m, n] = [1, 2, 3];
const [u, ...rest] = 'abc';
console.log(m, n, u, rest.join(''));
const undefIter = { [Symbol.iterator]() { return { next() { return { value: undefined, done: false }; }, return() { log.push('closed2'); return {}; } }; } };
try { const [d = (() => { throw new Error('boom'); })()] = undefIter; } catch (e) { log.push(e.message); }
console.log(log.join(','));
