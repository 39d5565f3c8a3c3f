// gc-stress
// Resolution and rejection through chains: values, thrown errors, returned
// promises and thenables, finally's pass-through, catch recovering.
const log = [];
const p = new Promise((resolve) => resolve(1));
p.then((v) => { throw new RangeError('r' + v); })
  .then(() => log.push('not reached'))
  .catch((e) => { log.push('caught ' + e.name + ' ' + e.message); return 'recovered'; })
  .finally(() => { log.push('finally sees no value'); return 'ignored'; })
  .then((v) => log.push('after finally ' + v));

Promise.reject(new Error('x'))
  .finally(() => log.push('finally on rejection'))
  .catch((e) => log.push('still rejected ' + e.message));

Promise.resolve().then(() => Promise.resolve('inner')).then((v) => log.push('adopted ' + v));
Promise.resolve({ then(ok) { ok('from thenable'); } }).then((v) => log.push(v));
Promise.resolve({ then() { throw new TypeError('bad thenable'); } }).catch((e) => log.push(e.message));

const self = Promise.resolve().then(() => self);
self.catch((e) => log.push(e.constructor.name + ': ' + e.message));

// A resolve function only counts once.
new Promise((resolve, reject) => { resolve('first'); reject(new Error('late')); resolve('third'); })
  .then((v) => log.push('once ' + v));
// The executor's throw after resolve is ignored.
new Promise((resolve) => { resolve('kept'); throw new Error('ignored'); }).then((v) => log.push(v));

let chain = Promise.resolve(0);
for (let i = 0; i < 1000; i++) chain = chain.then((v) => v + 1);
chain.then((v) => log.push('long chain ' + v));

setTimeout(() => { for (const line of log) console.log(line); }, 0);
