// Writes to integer typed arrays convert with ToNumber, truncate toward zero, then wrap modulo 2^n.
const inputs = [0, -0, 1.9, -1.9, 127, 128, 255, 256, -129, 65535, 65536, 2147483648, 4294967297, -4294967295, NaN, Infinity, -Infinity, '300', true, null, undefined, '0x10', ' 12 ', 'abc'];
for (const Ctor of [Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array]) {
  const ta = new Ctor(inputs.length);
  for (let i = 0; i < inputs.length; i++) ta[i] = inputs[i];
  console.log(Ctor.name.padEnd(12), Array.prototype.join.call(ta, ' '));
}
const big = new Uint32Array(2);
big[0] = 2 ** 53 + 2;
big[1] = -(2 ** 40) - 7;
console.log(big[0], big[1]);
const obj = { valueOf() { return 513; } };
const i8 = new Int8Array([obj, { toString() { return '-200'; } }]);
console.log(i8[0], i8[1], Object.is(new Int8Array([-0])[0], 0));
