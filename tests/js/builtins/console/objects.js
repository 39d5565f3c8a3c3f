console.log({});
console.log({ a: 1, b: 'two', c: [3] });
console.log({ 'needs-quotes': 1, valid_id: 2, $dollar: 3, '1abc': 4, 2: 5, '': 6 });
console.log({ nested: { deeper: { deepest: { gone: 1 } } } });
console.log({ arr: [[[[1]]]] });
console.log({ u: undefined, n: null });
