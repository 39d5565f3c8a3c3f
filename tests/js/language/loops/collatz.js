function steps(n) {
  let c = 0;
  while (n !== 1) {
    n = n % 2 === 0 ? n / 2 : 3 * n + 1;
    c++;
  }
  return c;
}
console.log([1, 7, 27, 97].map(steps));
