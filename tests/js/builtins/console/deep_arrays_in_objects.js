console.log({ a: [1, [2, [3, [4]]]] });
console.log([{ a: { b: { c: {} } } }]);
console.log([[[[[]]]]]);
console.log({ a: { b: { c: [] } } });
console.log({ a: { b: { c: {} } } });
