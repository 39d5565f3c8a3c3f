const matrix = [[1, 2], [3, -1], [5, 6]];
let total = 0;
scan: for (const row of matrix) {
  for (const v of row) {
    if (v < 0) break scan;
    total += v;
  }
}
console.log(total);
