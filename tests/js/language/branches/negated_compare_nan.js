// `if (a < b)` jumps over its body when the comparison is false, and NaN
// (or anything converting to NaN) makes every comparison false.
const values = [NaN, 1, 2, 3, undefined, '2', 'x', null, -0, 2.5];
for (const v of values) {
  const out = [];
  if (v < 2) out.push('lt'); else out.push('!lt');
  if (v <= 2) out.push('le'); else out.push('!le');
  if (v > 2) out.push('gt'); else out.push('!gt');
  if (v >= 2) out.push('ge'); else out.push('!ge');
  if (!(v < 2)) out.push('not-lt');
  if (v < 2 || v > 2) out.push('ne-ish');
  console.log(String(v), out.join(' '));
}
let a = NaN, b = 1;
console.log(a < b ? 'y' : 'n', a >= b ? 'y' : 'n', b > a ? 'y' : 'n', b <= a ? 'y' : 'n');
