const a = [1, 2, 3, 4];
console.log(a.reduce((acc, x) => acc + x), a.reduce((acc, x) => acc + x, 10));
console.log(a.reduceRight((acc, x) => acc + x, ''), a.reduce((acc, x, i) => acc + i, ''));
console.log([[1, 2], [3]].reduce((acc, x) => acc.concat(x), []));
try {
  [].reduce((a, b) => a + b);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
