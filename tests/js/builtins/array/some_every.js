const a = [2, 4, 6];
console.log(a.some(x => x > 5), a.some(x => x > 6), a.every(x => x % 2 === 0), a.every(x => x > 2));
console.log([].some(x => true), [].every(x => false));
