const o = { a: 1, b: 2, nested: { a: 3, c: 4 } };
console.log(JSON.stringify(o, ['a', 'nested']));
console.log(JSON.stringify(o, (k, v) => (typeof v === 'number' ? v * 10 : v)));
console.log(JSON.stringify(o, (k, v) => (k === 'nested' ? undefined : v)));
const seenKeys = [];
JSON.stringify({ p: [1, { q: 2 }] }, function (k, v) { seenKeys.push(k); return v; });
console.log(seenKeys);
