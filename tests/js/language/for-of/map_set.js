const m = new Map([['a', 1], ['b', 2]]);
for (const [k, v] of m) console.log(k, v);
for (const k of m.keys()) console.log('key', k);
for (const v of m.values()) console.log('value', v);
const s = new Set(['x', 'y', 'x']);
for (const v of s) console.log('set', v);
