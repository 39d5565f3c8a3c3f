const { a, b, missing } = { a: 1, b: 2, c: 3 };
console.log(a, b, missing);
const { a: renamed, c = 'dflt', d = 'dflt' } = { a: 'A', c: 'C' };
console.log(renamed, c, d);
