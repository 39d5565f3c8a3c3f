const out = [];
for (const k in { p: 1, q: 2 }) out.push(k);
for (const v of [7, 8]) out.push(v);
console.log(out.join(','));
