// BigInt64Array / BigUint64Array and the DataView BigInt methods: wraparound, sorting, content-type TypeErrors.
const a = new BigInt64Array([1n, -2n, 2n ** 63n, -(2n ** 64n) + 3n]);
console.log(a, a[2], a.length);
const u = new BigUint64Array(a.buffer);
console.log(u[1], u.join(), [...u.map((x) => x * 2n)]);
a.fill(7n, 1, 2); console.log(a.join(), a.sort().join(), a.includes(7n), a.indexOf(7n));
const dv = new DataView(new ArrayBuffer(16));
dv.setBigInt64(0, -5n); dv.setBigUint64(8, 2n ** 64n - 1n, true);
console.log(dv.getBigInt64(0), dv.getBigUint64(0), dv.getBigUint64(8, true), dv.getBigInt64(8, true));
try { new BigInt64Array([1]); } catch (e) { console.log(e.constructor.name); }
try { new Int8Array(a); } catch (e) { console.log(e.constructor.name); }
try { a[0] = 1; } catch (e) { console.log(e.constructor.name); }
console.log(BigInt64Array.from([1n, 2n], (x) => x + 1n), new BigUint64Array(2).with(1, 5n));
console.log(a.toSorted((x, y) => (x > y ? -1 : 1)).join(), BigInt64Array.BYTES_PER_ELEMENT);
