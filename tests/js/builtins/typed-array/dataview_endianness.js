// DataView reads and writes every numeric type big-endian by default or little-endian on request.
const view = new DataView(new ArrayBuffer(8));
const bytes = new Uint8Array(view.buffer);
const hex = () => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const cases = [
  ['Int8', -2], ['Uint8', 250], ['Int16', -300], ['Uint16', 0xbeef],
  ['Int32', -123456789], ['Uint32', 0xdeadbeef], ['Float32', 1.5], ['Float64', -0.1],
];
for (const [type, value] of cases) {
  for (const little of [false, true]) {
    bytes.fill(0);
    view['set' + type](0, value, little);
    console.log(type.padEnd(7), little ? 'LE' : 'BE', hex(), view['get' + type](0, little), view['get' + type](0, !little));
  }
}
view.setUint16(1, 0x0102);
console.log(view.getUint8(1), view.getUint8(2), view.getInt16(1, true), view.getUint32(0, undefined) === view.getUint32(0, false));
view.setInt32(4, 70000.9, 1);
console.log(view.getInt32(4, 'yes'), view.getFloat32(4), view.getUint8('5'), view.setFloat64(0, NaN));
