const r = [];
for (const v of [1, 2, 3, 4, 5, 6]) {
  if (v % 2) continue;
  if (v > 4) break;
  r.push(v);
}
console.log(r);
