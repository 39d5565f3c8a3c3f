const t = { a: 1 };
const r = Object.assign(t, { b: 2 }, null, { a: 3, c: 4 }, undefined);
console.log(r === t, t);
console.log(Object.assign({}, 'ab', [9]));
const withGetter = { get g() { return 'value'; } };
console.log(Object.assign({}, withGetter));
