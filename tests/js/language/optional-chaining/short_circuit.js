let calls = 0;
const f = () => { calls++; return 'k'; };
const n = null;
const r = n?.[f()];
console.log(r, calls);
const u = undefined;
console.log(u?.a.b.c.d, calls);
