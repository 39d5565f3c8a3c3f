// A typed array can be built from a length, an array, an iterable, an array-like, another typed array or a buffer.
const show = (ta) => console.log(ta.constructor.name, ta.length, ta.join());
show(new Int16Array());
show(new Int16Array(3));
show(new Int16Array('2'));
show(new Uint8Array([1, 256, -1, '7']));
show(new Float32Array(new Set([0.5, 2, 0.5, 3])));
show(new Int8Array(new Map([[1, 2]]).keys()));
const countdown = { [Symbol.iterator]() { let n = 3; return { next: () => (n > 0 ? { value: n--, done: false } : { done: true, value: 99 }) }; } };
show(new Uint32Array(countdown));
show(new Uint16Array({ length: 3, 0: 10, 2: '30', 5: 50 }));
show(new Int32Array({ 0: 1 }));
show(new Int8Array(new Float64Array([1.9, -200.5, 300])));
show(new Float64Array(new Uint8ClampedArray([400, -4])));
const src = new Uint8Array([1, 2]);
const copy = new Uint8Array(src);
copy[0] = 9;
console.log(src[0], copy.buffer === src.buffer);
const buf = new ArrayBuffer(8);
show(new Uint16Array(buf, 2));
show(new Int32Array(buf, 4, 1));
for (const make of [() => new Int32Array(buf, 2), () => new Uint16Array(new ArrayBuffer(5)), () => new Float64Array(buf, 0, 2), () => new Int16Array(buf, 10)]) {
  try { make(); } catch (e) { console.log(e.name); }
}
