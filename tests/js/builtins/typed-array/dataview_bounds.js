// DataView offsets and lengths are checked against the buffer; bad accesses throw RangeError.
const buf = new ArrayBuffer(10);
const whole = new DataView(buf);
const part = new DataView(buf, 2, 4);
const rest = new DataView(buf, 7);
console.log(whole.byteLength, part.byteOffset, part.byteLength, rest.byteLength, new DataView(buf, 10).byteLength);
part.setUint16(0, 0xaabb);
console.log(whole.getUint16(2).toString(16), part.getUint8(1).toString(16));
const attempts = [
  () => part.getUint32(1),
  () => part.setInt8(4, 1),
  () => whole.getFloat64(3),
  () => whole.getInt8(-1),
  () => new DataView(buf, 11),
  () => new DataView(buf, 4, 7),
  () => new DataView(buf, -1),
  () => new DataView({}),
  () => new DataView(new Uint8Array(4)),
];
for (const attempt of attempts) {
  try {
    console.log('no error', attempt());
  } catch (e) {
    console.log(e.constructor.name);
  }
}
try { part.setFloat32(2, 0); } catch (e) { console.log(e.message); }
try { DataView(buf); } catch (e) { console.log(e.message); }
console.log(part.getUint32(0) === whole.getUint32(2), whole.getInt8(9.9), whole.getUint8('3'));
console.log(Object.prototype.toString.call(whole), typeof DataView.prototype.getFloat32, DataView.length);
