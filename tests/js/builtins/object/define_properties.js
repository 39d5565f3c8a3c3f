const o = Object.defineProperties({}, {
  a: { value: 1, enumerable: true },
  b: { get() { return this.a + 1; }, enumerable: true },
  c: { value: 3 },
});
console.log(o.a, o.b, o.c, Object.keys(o));
const descs = Object.getOwnPropertyDescriptors({ x: 1, get y() { return 2; } });
console.log(Object.keys(descs), descs.x, typeof descs.y.get);
