console.log([3, 1, 10, 2, 20].sort());
console.log(['b', 'a', 'C', 'B'].sort());
console.log([3, undefined, 1, undefined, 2].sort());
console.log([true, false, null, 'm'].sort());
