// console.log of small typed arrays, empty ones, ArrayBuffers and DataViews.
console.log(new Uint8Array([1, 2, 3]));
console.log(new Int8Array(0), new Float64Array([-0, NaN, 1.5, -Infinity]));
console.log(new Float32Array([0.1, 1e21]), new Uint8ClampedArray([255, 0]));
const buf = new ArrayBuffer(6);
new Uint8Array(buf).set([0, 15, 16, 171, 255, 7]);
console.log(buf);
console.log(new ArrayBuffer(0));
console.log(new DataView(buf, 1, 3));
console.log([new Int16Array([-1, 1])], { bytes: new Uint8Array(2) });
const extra = new Uint16Array([4, 5]);
extra.note = 'hi';
console.log(extra);
class Pixels extends Uint8ClampedArray {}
console.log(new Pixels(3), new Uint32Array([4294967295]));
console.log({ nested: { deeper: { view: new Int8Array([1]) } } });
console.log(new Uint8Array([9]) + '', [new ArrayBuffer(1)], new DataView(new ArrayBuffer(0)));
