// gc-stress
// Short arrays keep their first elements inside the array cell; growing
// past that room (push, index store, length, splice, sparse) moves them to
// a separate buffer without losing or reordering any.
const rows = [];
for (let n = 0; n < 40; n++) {
  const a = [];
  for (let i = 0; i < n; i++) a.push('v' + i);
  const b = 'x,'.repeat(n).split(',');
  const c = new Array(n > 16 ? 3 : n);
  c[n + 2] = n;
  const d = [1, 2, 3];
  d.length = n;
  const e = [0, 1, 2, 3];
  e.splice(2, 0, ...a.slice(0, n % 7));
  rows.push([a.join(''), b.length, c.length, c[n + 2], d.length, e.join('.'), a.slice(-2).join()].join(' '));
}
console.log(rows.slice(0, 6).join('\n'));
console.log(rows.slice(-3).join('\n'));
const sparse = [1, 2];
sparse[100000] = 3;
sparse.push(4);
console.log(sparse.length, sparse[1], sparse[100000], sparse[100001], Object.keys(sparse).length);
const keys = Object.keys({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 });
keys.push('g');
console.log(keys.join(), JSON.parse('[1,2,3,4,5,6,7,8]').concat([9]).join());
