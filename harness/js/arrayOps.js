// arrayOps: push into an array, and every 101 elements sum it with for...of
// and start a new one.
function bench(n) {
  let arr = [];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    arr.push(i % 1000);
    if (arr.length > 100) {
      for (const v of arr) sum = (sum + v) % 1000000;
      arr = [];
    }
  }
  return sum;
}
