// at, the three iterators, and the non-mutating toReversed/toSorted/with.
const t = new Int16Array([30, -10, 20]);
console.log(t.at(0), t.at(-1), t.at(-3), t.at(3), t.at(-4), t.at('1'), t.at(1.7), t.at());
console.log(JSON.stringify([...t.entries()]), [...t.keys()].join(), [...t.values()].join());
const it = t.values();
console.log(Object.prototype.toString.call(it), it.next(), it[Symbol.iterator]() === it);
console.log(t[Symbol.iterator] === t.values, Object.getPrototypeOf(it) === Object.getPrototypeOf([].values()));
const live = t.keys();
it.next();
t[2] = 5;
console.log(it.next().value, live.next().value, [...live].join());
const rev = t.toReversed();
console.log(rev.constructor.name, rev.join(), t.join(), rev.buffer !== t.buffer);
const sorted = t.toSorted();
console.log(sorted.join(), t.toSorted((a, b) => b - a).join(), t.join());
const changed = t.with(-1, 70000);
console.log(changed.constructor.name, changed.join(), t.join(), t.with(0, '7').join());
for (const bad of [() => t.with(3, 0), () => t.with(-4, 0), () => t.toSorted(1)]) {
  try { bad(); } catch (e) { console.log(e.name, e.message); }
}
const f = new Float32Array([NaN, 1.1, -0]).toSorted();
console.log(f.join(), Object.is(f[0], -0), new Uint8ClampedArray([1, 2]).with(0, 300).join());
