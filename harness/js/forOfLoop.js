// forOfLoop: for...of over a 100-element array, n/100 times.
function bench(n) {
  const arr = [];
  for (let i = 0; i < 100; i++) arr.push(i);
  let sum = 0;
  const rounds = Math.floor(n / 100);
  for (let r = 0; r < rounds; r++) {
    for (const v of arr) sum = (sum + v) % 1000000;
  }
  return sum;
}
