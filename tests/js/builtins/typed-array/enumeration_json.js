// Indices are own enumerable properties; length, buffer and friends are prototype getters.
const ta = new Uint8Array([5, 6, 7]);
ta.label = 'x';
const seen = [];
for (const k in ta) seen.push(k);
console.log(seen.join(), Object.keys(ta).join(), Object.values(ta).join());
console.log(JSON.stringify(Object.entries(ta)));
console.log(JSON.stringify(ta), JSON.stringify(new Float64Array([1.5, NaN, -0, Infinity])));
console.log(JSON.stringify({ data: new Int8Array([-1, 2]), empty: new Uint16Array(0) }));
console.log(JSON.stringify([new Uint8ClampedArray(2)]), JSON.stringify(ta.buffer), JSON.stringify(new DataView(ta.buffer)));
console.log(Object.keys(new Float32Array(0)).length, ta.hasOwnProperty('length'), 'length' in ta);
const proto = Object.getPrototypeOf(Uint8Array.prototype);
for (const name of ['length', 'byteLength', 'byteOffset', 'buffer']) {
  const d = Object.getOwnPropertyDescriptor(proto, name);
  console.log(name, typeof d.get, d.set, d.enumerable, d.configurable);
}
console.log(Object.assign({}, new Int16Array([3, 4])), { ...new Uint8Array([9]) });
console.log(Array.from(new Int32Array([1, 2]).keys()).join(), [...new Uint16Array([8, 9])].join());
