// Constructors need new; %TypedArray% methods and getters reject receivers that are not typed arrays.
const proto = Object.getPrototypeOf(Int8Array.prototype);
const attempts = {
  'call Uint8Array': () => Uint8Array(2),
  'call ArrayBuffer': () => ArrayBuffer(2),
  'call DataView': () => DataView(new ArrayBuffer(1)),
  'map on array': () => proto.map.call([1, 2], (x) => x),
  'fill on object': () => proto.fill.call({ length: 1 }, 0),
  'values on array': () => proto.values.call([]),
  'length getter': () => Object.getOwnPropertyDescriptor(proto, 'length').get.call([]),
  'buffer getter': () => Object.getOwnPropertyDescriptor(proto, 'buffer').get.call({}),
  'byteLength on view': () => Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get.call(new Uint8Array(1)),
  'getInt8 on typed array': () => DataView.prototype.getInt8.call(new Uint8Array(2), 0),
  'from non-constructor': () => Uint8Array.from.call({}, [1]),
  'symbol element': () => new Uint8Array(1).fill(Symbol('s')),
  'new on prototype method': () => new proto.at(0),
};
for (const [label, attempt] of Object.entries(attempts)) {
  try {
    attempt();
    console.log(label, 'no error');
  } catch (e) {
    console.log(label, e instanceof TypeError ? 'TypeError' : e.name);
  }
}
try { Float64Array(); } catch (e) { console.log(e.message); }
console.log(Int8Array.prototype.join.call(new Uint8Array([1, 2])), proto.at.call(new Float32Array([0.5]), 0));
console.log(proto[Symbol.toStringTag], Object.getOwnPropertyDescriptor(proto, Symbol.toStringTag).get.call([]), Uint8Array.prototype[Symbol.toStringTag], new Int8Array(0)[Symbol.toStringTag]);
