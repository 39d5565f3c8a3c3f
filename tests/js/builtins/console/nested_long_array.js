const rows = [];
for (let r = 0; r < 4; r++) {
  const row = [];
  for (let c = 0; c < 10; c++) row.push(r * 10 + c);
  rows.push(row);
}
console.log(rows);
console.log({ matrix: rows.slice(0, 2) });
