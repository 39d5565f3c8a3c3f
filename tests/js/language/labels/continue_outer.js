const out = [];
rows: for (let r = 0; r < 4; r++) {
  for (let c = 0; c < 4; c++) {
    if (c > r) continue rows;
    out.push(r + '' + c);
  }
}
console.log(out.join(' '));
