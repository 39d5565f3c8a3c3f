// ArrayBuffer: byteLength conversion, slice with relative indices into a fresh buffer, isView, subclassing.
const buf = new ArrayBuffer(8);
new Uint8Array(buf).set([1, 2, 3, 4, 5, 6, 7, 8]);
const middle = buf.slice(2, -2);
new Uint8Array(middle)[0] = 99;
console.log(middle.byteLength, new Uint8Array(middle).join(), new Uint8Array(buf)[2], middle !== buf);
console.log(buf.slice(-3).byteLength, buf.slice(5, 1).byteLength, buf.slice().byteLength, buf.slice(6, 100).byteLength);
console.log(new ArrayBuffer('3').byteLength, new ArrayBuffer().byteLength, new ArrayBuffer(2.9).byteLength, new ArrayBuffer(null).byteLength);
console.log(ArrayBuffer.isView(new DataView(buf)), ArrayBuffer.isView(new Float32Array(1)), ArrayBuffer.isView(buf), ArrayBuffer.isView([]), ArrayBuffer.isView());
console.log(Object.prototype.toString.call(buf), ArrayBuffer.prototype[Symbol.toStringTag], ArrayBuffer.length, ArrayBuffer[Symbol.species] === ArrayBuffer);
class Chunk extends ArrayBuffer {
  get size() { return this.byteLength; }
}
const c = new Chunk(6);
const piece = c.slice(1, 4);
console.log(piece instanceof Chunk, piece.size, new Uint16Array(c).length, new Int8Array(c, 5)[0]);
try { new ArrayBuffer(-1); } catch (e) { console.log(e.name, e.message); }
try { ArrayBuffer.prototype.slice.call(new Uint8Array(4), 0); } catch (e) { console.log(e.name); }
