// gc-stress
// async functions, arrows and methods: await of values, promises and
// thenables, ordering against the caller, rejection and try/finally,
// parameters that throw (a rejected promise), not constructors.
async function add(a, b) { const x = await a; const y = await Promise.resolve(b); return x + y; }
add(1, 2).then(v => console.log('add', v));
console.log('sync after call');
async function thrower() { await null; throw new Error('async boom'); }
thrower().catch(e => console.log('caught', e.message));
const arrow = async (x) => x * 2;
arrow(21).then(v => console.log('arrow', v));
const obj = { async m() { return this.v; }, v: 'method' };
obj.m().then(v => console.log(v));
class K { async run(n) { let s = 0; for (let i = 0; i < n; i++) s += await i; return s; } }
new K().run(5).then(v => console.log('loop', v));
async function order() { console.log('o1'); await undefined; console.log('o3'); }
order(); console.log('o2');
async function tc() { try { await Promise.reject(new TypeError('rej')); } catch (e) { return 'handled ' + e.message; } finally { console.log('finally runs'); } }
tc().then(console.log);
async function chain() { const a = await fetchLike(1); const b = await fetchLike(a + 1); return [a, b]; }
function fetchLike(v) { return new Promise(r => setTimeout(() => r(v * 10), 5)); }
chain().then(v => console.log('chain', v));
async function allOf() { const r = await Promise.all([fetchLike(1), fetchLike(2), 3]); return r; }
allOf().then(v => console.log('all', v));
async function params(a = (() => { throw new Error('param error'); })()) {}
params().catch(e => console.log('param rejects:', e.message));
console.log(typeof add, Object.prototype.toString.call(add), add.prototype, add instanceof Function);
try { new add(); } catch (e) { console.log(e.constructor.name); }
async function thenable() { return { then(r) { r('thenable adopted'); } }; }
thenable().then(console.log);
async function nested() { return await (async () => await 'deep')(); }
nested().then(console.log);
