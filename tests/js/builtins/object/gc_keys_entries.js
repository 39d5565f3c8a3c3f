// gc-stress
let o = {};
for (let i = 0; i < 50; i++) o['p' + i] = i;
let total = 0;
for (let round = 0; round < 40; round++) {
  const entries = Object.entries(o);
  o = Object.fromEntries(entries.map(([k, v]) => [k, v + 1]));
  total += Object.values(o).length + Object.keys(o).length;
}
console.log(total, o.p0, o.p49);
