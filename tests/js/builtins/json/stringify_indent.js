const o = { a: 1, b: [1, 2, { c: 3 }], d: {}, e: [] };
console.log(JSON.stringify(o, null, 2));
console.log(JSON.stringify(o, null, '--'));
console.log(JSON.stringify([1, [2]], null, 20));
console.log(JSON.stringify({ x: 1 }, null, 0));
