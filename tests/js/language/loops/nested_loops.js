const grid = [];
for (let r = 0; r < 3; r++) {
  const row = [];
  for (let c = 0; c < 4; c++) row.push(r * c);
  grid.push(row);
}
console.log(grid);
let count = 0;
for (let a = 0; a < 10; a++) for (let b = a; b < 10; b++) count++;
console.log(count);
