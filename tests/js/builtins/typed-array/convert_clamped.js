// Uint8ClampedArray clamps to 0..255 and rounds halves to even, unlike the other integer kinds.
const values = [0.5, 1.5, 2.5, 3.5, 254.5, 253.5, 0.49999, 1.50001, -0.5, -1, 255.5, 256, 1e10, -1e10, NaN, Infinity, -Infinity, '127.5', '  9.5 ', null];
const clamped = new Uint8ClampedArray(values);
const plain = new Uint8Array(values);
for (let i = 0; i < values.length; i++) {
  console.log(String(values[i]).padStart(8), '->', clamped[i], plain[i]);
}
const c = new Uint8ClampedArray(3);
c[0] = -0;
c[1] = 4.5;
c[2] = 5.5;
console.log(Object.is(c[0], 0), c[1], c[2]);
console.log(Uint8ClampedArray.BYTES_PER_ELEMENT, Uint8ClampedArray.from([300, -5, 7.5]).join());
