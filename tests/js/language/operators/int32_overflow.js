const max = 2147483647;
console.log(max + 1, -max - 2, max * 2, max * max);
console.log((max + 1) | 0, (max * 2) | 0);
console.log(65536 * 65536, (65536 * 65536) | 0);
console.log(-2147483648 / -1, (-2147483648 / -1) | 0);
console.log(0 * -5, -0 + 0, Object.is(0 * -5, -0));
