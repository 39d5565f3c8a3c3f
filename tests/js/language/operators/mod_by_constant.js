// x % literal for int32 operands of every size, negative dividends (the
// result takes the dividend's sign, -0 included) and non-int operands.
const divisors = [];
const xs = [0, 1, 2, 7, 999, 1000, 1001, 65535, 65536, 999999, 1000000, 1000001,
  123456789, 2147483646, 2147483647];
let acc = 0;
for (const x of xs) {
  acc = (acc * 31 + (x % 1) + (x % 2) + (x % 3) + (x % 7) + (x % 10) + (x % 100)) % 1000000007;
  acc = (acc * 31 + (x % 1000) + (x % 65536) + (x % 1000000) + (x % 2147483647)) % 1000000007;
  divisors.push(x % 1000000);
}
console.log(acc, divisors.join(' '));
console.log(-7 % 3, Object.is(-6 % 3, -0), -2147483648 % 1000000, 7.5 % 2, '17' % 5, NaN % 3);
console.log(5 % 0, 5 % -3, -5 % -3, 1e10 % 1000000, 2147483648 % 1000000);
let s = 0;
for (let i = 0; i < 100000; i++) s = (s + i * 7919) % 1000003;
console.log(s);
