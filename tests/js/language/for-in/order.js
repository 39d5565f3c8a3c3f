const o = { b: 1, 2: 'two', a: 2, 1: 'one', '-1': 'neg', 10: 'ten' };
const ks = [];
for (const k in o) ks.push(k);
console.log(ks);
