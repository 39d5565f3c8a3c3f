const buffer = new ArrayBuffer(12);
console.log('buffer', buffer.byteLength);
const words = new Int32Array(buffer, 6);
console.log('unreachable', words.length);
