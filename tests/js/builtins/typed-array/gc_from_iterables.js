// gc-stress
// from/of with iterables, array-likes and map functions, allocating many intermediate objects.
const results = [];
for (let n = 1; n <= 60; n++) {
  const set = new Set();
  for (let i = 0; i < n; i++) set.add(`${(i * 7) % n}`);
  const fromSet = Int32Array.from(set, (s, i) => Number(s) * 10 + i);
  const arrayLike = { length: n };
  for (let i = 0; i < n; i++) arrayLike[i] = { valueOf: () => i * 1.5 };
  const fromLike = Float32Array.from(arrayLike);
  const it = { [Symbol.iterator]: () => fromSet.values() };
  const copied = new Uint8Array(it);
  results.push(fromSet.length + fromLike.reduce((a, b) => a + b, 0) + copied[copied.length - 1]);
}
console.log(results.slice(0, 8).join(), results.slice(-3).join(), results.length);
console.log(Uint16Array.from('1234').join(), Uint8Array.from({ length: 3 }, function (_, i) { return this.base + i; }, { base: 40 }).join());
console.log(Int8Array.of(1, '2', 3.7, -129).join(), Float64Array.of().length, Uint8Array.from(new Map([[1, 'a']]).keys()).join());
console.log(Int16Array.from([1, 2, 3].entries(), ([i, v]) => i * v).join(), Int8Array.from.length, Int8Array.of.length);
try { Uint8Array.from([1], 'f'); } catch (e) { console.log(e.name); }
