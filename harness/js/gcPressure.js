// gcPressure: a short-lived object and string per iteration.
function bench(n) {
  let c = 0;
  for (let i = 0; i < n; i++) {
    const s = JSON.stringify({ a: i % 100, b: 'str' });
    c = (c + s.length) % 1000000;
  }
  return c;
}
