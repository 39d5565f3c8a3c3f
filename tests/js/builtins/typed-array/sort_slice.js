// Default sort is numeric (not string) with -0 before +0 and NaN last; slice copies into a new buffer.
const f = new Float64Array([10, -0, 2, NaN, 0, -Infinity, 1e-9, 9, NaN, -5]);
const sorted = f.sort();
console.log(sorted === f, f.join(), Object.is(f[2], -0), Object.is(f[3], 0));
console.log(new Uint8Array([10, 9, 100, 1, 25]).sort().join(), [10, 9, 100, 1, 25].sort().join());
console.log(new Int32Array([3, -2, 1, -2147483648, 2147483647]).sort().join());
console.log(new Uint32Array([4294967295, 1, 2147483648]).sort().join());
const pairs = new Uint16Array([21, 12, 31, 13, 22, 11]);
pairs.sort((a, b) => (a % 10) - (b % 10));
console.log(pairs.join());
console.log(new Int8Array([1, 2, 3, 4]).sort((a, b) => b - a).join(), new Int8Array([5, 3]).sort(() => NaN).join());
try { new Int8Array(2).sort('up'); } catch (e) { console.log(e.name, e.message); }
const s = new Int16Array([1, 2, 3, 4, 5]);
const part = s.slice(1, -1);
part[0] = 99;
console.log(part.join(), s.join(), part.buffer !== s.buffer, part.byteOffset, part.constructor.name);
console.log(s.slice(-2).join(), s.slice(3, 1).length, s.slice().join(), s.slice(2.7).join(), s.slice(-99, 2).join());
const view = new Int16Array(s.buffer, 4, 2);
console.log(view.slice(1).join(), view.slice(0, 5).length);
