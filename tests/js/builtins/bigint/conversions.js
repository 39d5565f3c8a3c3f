// BigInt conversions and comparisons with Number and String.
console.log(1n == 1, 1n === 1, 2n > 1, 1n < 1.5, "10" == 10n, 10n > "9", 0n == "", 1n == "x");
console.log(BigInt(2 ** 60), BigInt("0xff"), BigInt("  123  "), BigInt(true), BigInt(-0));
console.log(BigInt.asIntN(8, 255n), BigInt.asUintN(8, -1n), BigInt.asIntN(64, -1n), BigInt.asUintN(64, 2n ** 64n + 5n));
console.log((255n).toString(16), (-255n).toString(2), String(10n), `${-3n}`, 10n + "x");
console.log(Number(2n ** 64n), Number(9007199254740993n), parseInt("12n"), Boolean(0n), !!1n);
console.log(Object(1n) instanceof BigInt, typeof Object(1n), Object.prototype.toString.call(1n));
console.log([3n, -1n, 2n].sort((p, q) => (p < q ? -1 : p > q ? 1 : 0)).join());
const m = new Map([[1n, "one"]]);
console.log(m.get(1n), m.has(2n), new Set([1n, 1n, 2n]).size, [1n, 2n].includes(2n), [5n].indexOf(5n));
