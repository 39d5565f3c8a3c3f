// gc-stress
const text = JSON.stringify(Array.from({ length: 150 }, (_, i) => ({ n: i, s: 'x' + i, l: [i, i] })));
let sum = 0;
for (let round = 0; round < 8; round++) {
  const parsed = JSON.parse(text, (k, v) => (typeof v === 'number' ? v + round : v));
  sum += parsed.reduce((a, o) => a + o.n + o.l[1], 0);
}
console.log(sum);
