"use strict";
// Atomics read-modify-write operations: each returns the old element and stores the result wrapped to the element type.
const i8 = new Int8Array(new SharedArrayBuffer(4));
console.log(Atomics.store(i8, 0, 100), Atomics.add(i8, 0, 100), i8[0]);
console.log(Atomics.sub(i8, 1, 1), i8[1], Atomics.and(i8, 1, 0x0f), i8[1]);
console.log(Atomics.or(i8, 2, 0x50), Atomics.xor(i8, 2, 0xff), i8[2]);
console.log(Atomics.exchange(i8, 3, 300), i8[3], Atomics.load(i8, 3));
const u16 = new Uint16Array(new SharedArrayBuffer(4));
console.log(Atomics.sub(u16, 0, 1), Atomics.load(u16, 0), Atomics.compareExchange(u16, 0, -1, 7), u16[0]);
console.log(Atomics.compareExchange(u16, 0, 8, 9), u16[0], Atomics.compareExchange(u16, 1, 65536, 2), u16[1]);
const u32 = new Uint32Array(new SharedArrayBuffer(8));
console.log(Atomics.store(u32, 0, -1), u32[0], Atomics.store(u32, 1, 3.9), u32[1], Object.is(Atomics.store(u32, 1, -0), 0));
console.log(Atomics.add(u32, 0, 1), u32[0], Atomics.store(u32, 0, Infinity), u32[0], Atomics.store(u32, 0, '12'));
const big = new BigInt64Array(new SharedArrayBuffer(16));
console.log(Atomics.store(big, 0, 2n ** 63n), big[0], Atomics.add(big, 0, -1n), big[0]);
// Non-shared buffers work too.
const ubig = new BigUint64Array(2);
console.log(Atomics.sub(ubig, 1, 1n), ubig[1], Atomics.compareExchange(ubig, 1, -1n, 5n), ubig[1]);
const order = [];
const index = { valueOf() { order.push('index'); return 1; } };
const value = { valueOf() { order.push('value'); return 6; } };
const i32 = new Int32Array(4);
console.log(Atomics.add(i32, index, value), i32.join(), order.join());
console.log([1, 2, 3, 4, 5, 8, 0, 16].map((n) => Atomics.isLockFree(n)).join());
console.log(Object.prototype.toString.call(Atomics), typeof Atomics, Atomics.add.length, Atomics.compareExchange.length, Atomics.wait.length);
console.log(Atomics);
