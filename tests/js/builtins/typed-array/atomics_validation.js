"use strict";
// Atomics argument checks: the kind of array (integer; Int32Array or BigInt64Array to wait on), the index range, the value type; notify wakes no one.
const attempts = {
  'float array': () => Atomics.add(new Float64Array(1), 0, 1),
  'clamped array': () => Atomics.load(new Uint8ClampedArray(1), 0),
  'plain array': () => Atomics.load([1], 0),
  'index past the end': () => Atomics.store(new Int16Array(2), 2, 0),
  'negative index': () => Atomics.load(new Int16Array(2), -1),
  'fractional index': () => Atomics.load(new Int16Array(2), 1.5),
  'BigInt into Int32Array': () => Atomics.store(new Int32Array(1), 0, 1n),
  'Number into BigInt64Array': () => Atomics.exchange(new BigInt64Array(1), 0, 1),
  'wait on a non-shared buffer': () => Atomics.wait(new Int32Array(4), 0, 0, 0),
  'wait on an Int16Array': () => Atomics.wait(new Int16Array(new SharedArrayBuffer(4)), 0, 0, 0),
  'notify on a Uint32Array': () => Atomics.notify(new Uint32Array(new SharedArrayBuffer(4)), 0),
  'notify past the end': () => Atomics.notify(new Int32Array(new SharedArrayBuffer(4)), 1),
};
for (const [what, f] of Object.entries(attempts)) {
  try {
    console.log(what, f());
  } catch (e) {
    console.log(what, e.name);
  }
}
// The array's kind is checked before the index is converted.
let converted = false;
try {
  Atomics.load(new Float32Array(1), { valueOf() { converted = true; return 0; } });
} catch (e) {
  console.log(e.name, converted);
}
const shared = new Int32Array(new SharedArrayBuffer(8));
console.log(Atomics.notify(shared, 1, 5), Atomics.notify(shared, 0), Atomics.notify(new Int32Array(2), 0, -1));
console.log(Atomics.notify(new BigInt64Array(new SharedArrayBuffer(8)), 0, Infinity));
