// functionCalls: two levels of small function calls per iteration.
function add(a, b) {
  return (a + b) % 1000000;
}
function compute(x, y) {
  return add(x, y);
}
function bench(n) {
  let r = 0;
  for (let i = 0; i < n; i++) {
    r = compute(i % 1000, r);
  }
  return r;
}
