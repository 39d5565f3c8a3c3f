// A million awaits in a loop and a promise chain a million deep: no C
// stack grows with either.
async function spin(n) { let s = 0; for (let i = 0; i < n; i++) s += await i; return s; }
spin(1000000).then((v) => console.log('awaited', v));
let p = Promise.resolve(0);
for (let i = 0; i < 1000000; i++) p = p.then((v) => v + 1);
p.then((v) => console.log('chain', v));
async function rec(n) { return n === 0 ? 'bottom' : rec(n - 1); }
rec(5000).then((v) => console.log(v));
