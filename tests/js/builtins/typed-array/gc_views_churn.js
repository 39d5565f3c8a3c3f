// gc-stress
// Many short-lived buffers, views and derived arrays; only the views keep their buffers alive.
const kept = [];
let checksum = 0;
for (let round = 0; round < 200; round++) {
  const buf = new ArrayBuffer(64);
  const words = new Uint32Array(buf);
  words.fill(round * 16777619);
  const bytes = new Uint8Array(buf, round % 32, 16);
  const doubled = bytes.map((b) => b * 2).filter((b, i) => i % 3 !== 1);
  checksum = (checksum + doubled.reduce((a, b) => a + b, 0) + words.slice(2, 5).toSorted()[1]) % 1000000007;
  if (round % 25 === 0) kept.push(new Int16Array(buf, 8, 4), new DataView(buf, 60), [...bytes.subarray(0, 2)]);
  const tmp = { view: new Float64Array(buf, 0, 8).with(0, round), label: `r${round}` };
  checksum = (checksum + tmp.view[0] + tmp.label.length) % 1000000007;
}
console.log(checksum, kept.length);
console.log(kept.slice(0, 6).map((k) => (ArrayBuffer.isView(k) ? k.byteLength : k.join('/'))).join(' '));
console.log(kept.filter((k) => k instanceof Int16Array).map((k) => k.join('.')).join(' '));
console.log(kept.filter((k) => k instanceof DataView).map((k) => k.getUint32(0, true)).join(' '));
