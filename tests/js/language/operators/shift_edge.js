console.log(1 << -1, 1 << 64, -1 >> 31, -1 >>> 31, 5 >>> 0.5);
console.log(0xffffffff >> 0, 0xffffffff >>> 0, 4294967296.5 >>> 0);
console.log(1.5e10 | 0, -1.5e10 | 0, NaN | 0, Infinity | 0);
