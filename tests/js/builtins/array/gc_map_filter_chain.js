// gc-stress
let result = 0;
for (let round = 0; round < 60; round++) {
  const base = Array.from({ length: 100 }, (_, i) => i + round);
  result += base
    .map(x => ({ x, sq: x * x }))
    .filter(o => o.sq % 3 === 0)
    .map(o => o.x)
    .reduce((a, b) => a + b, 0);
}
console.log(result);
