console.log(new Array(3).fill(0), [1, 2, 3, 4].fill(9, 1, 3), [1, 2, 3].fill(7, -1));
console.log([1, [2, [3, [4]]]].flat(), [1, [2, [3, [4]]]].flat(2), [1, [2, [3, [4]]]].flat(Infinity));
console.log([1, , 3, [4, , 6]].flat());
console.log([1, 2].flatMap(x => [x, x * 10]));
