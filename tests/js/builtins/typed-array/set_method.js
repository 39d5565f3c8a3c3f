// set copies from an array, an array-like or a typed array, handling overlap within one buffer.
const t = new Int16Array(6);
console.log(t.set([1, 2, 3]), t.join());
t.set([70000, -1.5], 4);
console.log(t.join());
t.set({ length: 2, 0: '8', 1: 9 }, 1);
console.log(t.join());
t.set(new Float64Array([0.9, -0.9]), 3);
console.log(t.join());
const buf = new ArrayBuffer(8);
const u8 = new Uint8Array(buf);
u8.set([1, 2, 3, 4, 5, 6, 7, 8]);
u8.set(u8.subarray(0, 5), 2);
console.log(u8.join());
u8.set([1, 2, 3, 4, 5, 6, 7, 8]);
u8.set(u8.subarray(3), 0);
console.log(u8.join());
u8.set([1, 2, 3, 4, 5, 6, 7, 8]);
const wide = new Uint16Array(buf, 2, 3);
wide.set(u8.subarray(0, 3));
console.log(u8.join(), wide.join());
for (const bad of [() => t.set([1, 2], 5), () => t.set(new Uint8Array(7)), () => t.set([], -1), () => t.set([1], 6)]) {
  try { bad(); console.log('ok'); } catch (e) { console.log(e.name, e.message); }
}
t.set([], 6);
t.set(5);
console.log(t.join(), Object.getPrototypeOf(Int8Array.prototype).set.length);
