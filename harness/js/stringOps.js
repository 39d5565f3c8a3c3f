// stringOps: indexOf and length on a constant string.
function bench(n) {
  const str = 'The quick brown fox jumps over the lazy dog';
  let c = 0;
  for (let i = 0; i < n; i++) {
    c = (c + str.indexOf('fox')) % 1000000;
    c = (c + str.length) % 1000000;
  }
  return c;
}
