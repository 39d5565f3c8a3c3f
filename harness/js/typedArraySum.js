// typedArraySum: a Uint8Array and a Float64Array of 256 elements written by
// index; every 256 iterations a map (wrapping bytes), two reduces and a
// fill of the first 16 bytes.
function bench(n) {
  const bytes = new Uint8Array(256);
  const floats = new Float64Array(256);
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const k = i & 255;
    bytes[k] = bytes[k] + ((i * 7) & 255);
    floats[k] = k * 0.5 + floats[(k + 1) & 255] * 0.25;
    if (k === 255) {
      const doubled = bytes.map((b) => b * 2);
      const s = doubled.reduce((a, b) => a + b, 0);
      const f = floats.reduce((a, b) => a + b, 0);
      acc = (acc + s + Math.floor(f)) % 1000000;
      bytes.fill(0, 0, 16);
    }
  }
  return acc;
}
