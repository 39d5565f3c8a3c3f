function memo(fn) {
  const cache = new Map();
  let calls = 0;
  const m = n => {
    if (cache.has(n)) return cache.get(n);
    calls++;
    const r = fn(n);
    cache.set(n, r);
    return r;
  };
  m.calls = () => calls;
  return m;
}
const fib = memo(n => (n < 2 ? n : fib(n - 1) + fib(n - 2)));
console.log(fib(50), fib.calls());
