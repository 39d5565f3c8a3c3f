// Microtask and timer ordering: then chains, queueMicrotask, thenables, the
// combinators, finally, and timers of different delays.
console.log('start');
setTimeout(() => console.log('timeout 200'), 200);
setTimeout((a, b) => console.log('timeout 0', a, b), 0, 'x', 'y');
const iv = setInterval(() => { console.log('interval'); if (++n === 3) clearInterval(iv); }, 20);
let n = 0;
Promise.resolve(1).then(v => { console.log('then', v); return v + 1; }).then(v => console.log('then2', v));
queueMicrotask(() => console.log('microtask'));
new Promise((res, rej) => rej(new Error('boom'))).catch(e => console.log('caught', e.message)).finally(() => console.log('finally'));
Promise.all([1, Promise.resolve(2), new Promise(r => setTimeout(() => r(3), 100))]).then(v => console.log('all', v));
Promise.allSettled([Promise.reject(1), 2]).then(v => console.log('allSettled', JSON.stringify(v)));
Promise.any([Promise.reject(1), Promise.reject(2)]).catch(e => console.log('any', e.constructor.name, e.errors, e.message));
Promise.race([new Promise(r => setTimeout(() => r('slow'), 300)), 'fast']).then(v => console.log('race', v));
const thenable = { then(r) { console.log('thenable called'); r(42); } };
Promise.resolve(thenable).then(v => console.log('thenable', v));
console.log('end');
