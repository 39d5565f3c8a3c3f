// propertyAccess: five named-property loads and one store per iteration.
function bench(n) {
  const o = { a: 1, b: 2, c: 3, d: 4, e: 5 };
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum = (sum + o.a + o.b + o.c + o.d + o.e) % 1000000;
    o.a = i % 100;
  }
  return sum;
}
