console.log(Infinity - Infinity, Infinity * 0, Infinity / Infinity, -Infinity + 1, 1 / Infinity);
console.log(NaN + 1, NaN * 0, Math.max(NaN, 1), Math.min(), Math.max());
console.log(Infinity > Number.MAX_VALUE, -Infinity < -Number.MAX_VALUE);
