// gc-stress
const grid = [];
for (let r = 0; r < 50; r++) {
  const row = [];
  for (let c = 0; c < 50; c++) row.push([r, c]);
  grid.push(row);
}
let total = 0;
for (const row of grid) for (const [r, c] of row) total += r * c;
console.log(total, grid[49][49], grid.flat().length);
