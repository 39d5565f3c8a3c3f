// kite run examples/hello.js
function fib(n) {
  let a = 0, b = 1;
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
}
const langs = ['kite', 'node', 'deno', 'bun'];
console.log('hello from', langs[0], 'fib(30) =', fib(30));
console.log(JSON.stringify({ ok: true, sizes: langs.map((s) => s.length) }));
