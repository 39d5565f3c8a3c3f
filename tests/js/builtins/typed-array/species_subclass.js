// Subclasses: map/filter/slice/subarray create instances through Symbol.species; toReversed etc. do not.
class Bytes extends Uint8Array {
  sum() { return this.reduce((a, b) => a + b, 0); }
}
const b = new Bytes([1, 2, 3, 4]);
console.log(b instanceof Bytes, b instanceof Uint8Array, b.constructor.name, b.sum(), Bytes.BYTES_PER_ELEMENT);
for (const r of [b.map((x) => x * 2), b.filter((x) => x > 1), b.slice(1, 3), b.subarray(2)]) {
  console.log(r.constructor.name, r instanceof Bytes, r.join(), r.sum());
}
for (const r of [b.toReversed(), b.toSorted(), b.with(0, 9)]) console.log(r.constructor.name, r.join());
console.log(Bytes.from([5, 6]).sum(), Bytes.of(7, 8) instanceof Bytes, Object.getPrototypeOf(Bytes) === Uint8Array);
class Wider extends Uint8Array {
  static get [Symbol.species]() { return Uint16Array; }
}
const w = new Wider([200, 100]);
const m = w.map((x) => x * 3);
console.log(m.constructor.name, m.join(), w.slice(0, 1).constructor.name, w.filter(() => true).join());
class Short extends Int8Array {
  static get [Symbol.species]() { return function (n) { return new Int8Array(1); }; }
}
try { new Short(3).map((x) => x); } catch (e) { console.log(e.name); }
console.log(Uint8Array[Symbol.species] === Uint8Array, Object.getPrototypeOf(Uint8Array).name, typeof Object.getPrototypeOf(Uint8Array));
try { new (Object.getPrototypeOf(Uint8Array))(); } catch (e) { console.log(e.name, e.message); }
