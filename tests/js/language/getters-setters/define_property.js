const o = {};
let store = 0;
Object.defineProperty(o, 'x', {
  get() { return store; },
  set(v) { store = v * 2; },
  enumerable: true,
  configurable: true,
});
o.x = 21;
console.log(o.x, store, Object.keys(o));
