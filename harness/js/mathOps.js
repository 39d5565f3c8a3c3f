// mathOps: Math functions whose results are exact in every engine
// (sqrt, floor, ceil, round, trunc, abs, min, max, sign, imul) mixed with
// double arithmetic.
function bench(n) {
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const x = (i % 1000) * 1.25 - 400;
    const r = Math.sqrt(Math.abs(x) + 1);
    acc += Math.floor(r) + Math.ceil(x / 7) + Math.round(x / 3) + Math.trunc(r * 10);
    acc += Math.max(x, 0) - Math.min(x, 0) + Math.sign(x);
    acc = (Math.abs(Math.imul(acc | 0, 31)) + Math.floor(acc)) % 1000000;
  }
  return acc;
}
