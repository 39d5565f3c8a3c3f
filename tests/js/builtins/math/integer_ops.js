function gcd(a, b) { while (b) [a, b] = [b, a % b]; return a; }
console.log(gcd(48, 18), gcd(17, 5), gcd(0, 9));
const n = 1234.5678;
console.log(Math.floor(n * 100) / 100, Math.round(n * 100) / 100, Math.trunc(-n));
