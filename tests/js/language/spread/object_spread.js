const base = { a: 1, b: 2 };
const ext = { ...base, b: 20, c: 30 };
console.log(ext);
const over = { z: 0, ...base };
console.log(over);
console.log({ ...null, ...undefined, ...'hi' });
console.log({ ...[7, 8] });
