const e = 'outer';
try {
  throw 'inner';
} catch (e) {
  console.log(e);
}
console.log(e);
try {
  throw { a: 1, b: 2 };
} catch ({ a, b }) {
  console.log(a + b);
}
