const o = { p: { q: 1 } };
console.log(delete o?.p?.q, o);
const n = null;
console.log(delete n?.x);
