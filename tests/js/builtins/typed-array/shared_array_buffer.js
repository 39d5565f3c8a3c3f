"use strict";
// SharedArrayBuffer: construction, byteLength, slice (and its species), views over it, and the IsSharedArrayBuffer checks between it and ArrayBuffer.
const sab = new SharedArrayBuffer(8);
const bytes = new Uint8Array(sab);
bytes.set([1, 2, 3, 4, 5, 6, 7, 8]);
console.log(sab.byteLength, Object.prototype.toString.call(sab), sab instanceof ArrayBuffer, SharedArrayBuffer.length);
const part = sab.slice(2, -2);
console.log(part instanceof SharedArrayBuffer, part.byteLength, new Uint8Array(part).join());
new Uint8Array(part)[0] = 99;
console.log(bytes[2], sab.slice(-3).byteLength, sab.slice(5, 1).byteLength, new SharedArrayBuffer('3').byteLength);
const dv = new DataView(sab, 4);
console.log(dv.getUint16(0), dv.getUint8(3), dv.buffer === sab, ArrayBuffer.isView(dv), ArrayBuffer.isView(sab));
const words = new Int32Array(sab, 4, 1);
words[0] = -1;
console.log(bytes.join(), words.buffer === sab, words.byteOffset);
// A copy of a view over shared memory has an ordinary ArrayBuffer.
const copy = new Uint8Array(bytes);
console.log(copy.buffer instanceof SharedArrayBuffer, Object.prototype.toString.call(copy.buffer), copy[7]);
const ab = new ArrayBuffer(4);
const byteLength = (C) => Object.getOwnPropertyDescriptor(C.prototype, 'byteLength').get;
const checks = [
  () => byteLength(ArrayBuffer).call(sab),
  () => ArrayBuffer.prototype.slice.call(sab, 0),
  () => byteLength(SharedArrayBuffer).call(ab),
  () => SharedArrayBuffer.prototype.slice.call(ab, 0),
  () => SharedArrayBuffer(4),
  () => new SharedArrayBuffer(-1),
];
for (const f of checks) {
  try {
    f();
    console.log('no error');
  } catch (e) {
    console.log(e.name);
  }
}
class Pool extends SharedArrayBuffer {}
const pool = new Pool(4);
console.log(pool.slice(1) instanceof Pool, pool.slice(1).byteLength, SharedArrayBuffer[Symbol.species] === SharedArrayBuffer);
class Unshared extends SharedArrayBuffer {
  static get [Symbol.species]() { return ArrayBuffer; }
}
try { new Unshared(4).slice(0); } catch (e) { console.log(e.name); }
console.log(sab);
console.log(new SharedArrayBuffer(0), [new Int16Array(new SharedArrayBuffer(4))]);
