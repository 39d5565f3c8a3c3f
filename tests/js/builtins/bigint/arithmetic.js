// BigInt arithmetic: exact products, truncating division, remainder with
// the dividend's sign, exponentiation, shifts and two's complement bitwise.
const a = 12345678901234567890123n;
console.log(a * a, a / 7n, a % 7n, -a / 7n, -a % 7n);
console.log(2n ** 100n, (-2n) ** 3n, 0n ** 0n);
console.log((-5n) >> 1n, (-5n) << 3n, 1n << 70n, (1n << 70n) >> 69n);
console.log(5n & -3n, 5n | -3n, 5n ^ -3n, ~5n, -(-5n));
let x = 5n;
x++;
x -= 2n;
x *= 3n;
console.log(x, typeof x);
console.log(0x1fn, 0b101n, 0o17n, 1_000_000n);
