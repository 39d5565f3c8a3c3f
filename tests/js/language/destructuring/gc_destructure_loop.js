// gc-stress
let acc = 0;
let names = '';
for (let i = 0; i < 1500; i++) {
  const { a, b: [x, y], c: { d = 'dd' } = {} } = { a: i, b: [i * 2, i * 3], c: i % 2 ? { d: 'odd' } : undefined };
  acc += a + x + y;
  if (i % 500 === 0) names += d;
  const [first, ...rest] = [i, i + 1, i + 2];
  acc += first + rest.length;
}
console.log(acc, names);
