const wm = new WeakMap();
const k1 = {}, k2 = {};
wm.set(k1, 'one').set(k2, { nested: true });
console.log(wm.get(k1), wm.has(k2), wm.has({}), wm.delete(k1), wm.has(k1));
try { wm.set(1, 2); } catch (e) { console.log(e instanceof TypeError); }
const ws = new WeakSet([k1, k2]);
console.log(ws.has(k1), ws.delete(k1), ws.has(k1));
const sym = Symbol('s');
wm.set(sym, 'symbol key');
console.log(wm.get(sym));
try { wm.set(Symbol.for('reg'), 1); } catch (e) { console.log('registered', e instanceof TypeError); }
const target = { name: 't' };
const ref = new WeakRef(target);
console.log(ref.deref() === target, Object.prototype.toString.call(ref));
const fr = new FinalizationRegistry((held) => console.log('cleanup', held));
fr.register({}, 'x', k2);
console.log(fr.unregister(k2), fr.unregister(k2));
console.log(String(WeakMap), WeakMap.length, WeakRef.length, FinalizationRegistry.length);
