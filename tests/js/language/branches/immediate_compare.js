// Comparisons against small integer literals, with operands of every kind:
// valueOf is called once per comparison, in order.
let calls = 0;
const o = { valueOf() { calls++; return 5; } };
console.log(o < 10, o > 10, o <= 5, o >= 6, calls);
console.log('3' < 4, '30' < 4, 'a' < 4, true < 2, null >= 0, undefined >= 0);
console.log(2.5 < 3, 2.5 > 2, -1 < 0, -32768 < -32767, 40000 > 32767, 1e10 > 30000);
function lim(k) { return k < 2 ? 'small' : k > 100 ? 'big' : 'mid'; }
console.log(lim(1), lim(2), lim(101), lim(NaN), lim('1'), lim(Infinity), lim(-Infinity));
let n = 0;
for (let i = 0; i < 10; i++) if (i >= 7) n += i;
console.log(n);
