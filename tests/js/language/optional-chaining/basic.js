const o = { a: { b: { c: 1 } }, arr: [10, 20], fn() { return 'called'; } };
console.log(o?.a?.b?.c, o.x?.y, o.x?.y.z.w);
console.log(o.arr?.[1], o.nope?.[0]);
console.log(o.fn?.(), o.nofn?.());
const n = null;
console.log(n?.a, n?.[0], n?.());
