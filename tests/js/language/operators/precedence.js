console.log(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, -(2 ** 2));
console.log(1 + 2 + '3', '1' + 2 + 3, 1 + +'2');
console.log(1 < 2 < 3, 3 > 2 > 1, 1 == 1 && 2 == 2 || false);
console.log(5 & 3 | 4, 8 >> 1 + 1, !1 + 1, typeof 1 + 2);
console.log(1 || 0 && 0, (1 || 0) && 0, null ?? (0 || 5));
