const a = [1, 2];
console.log(a.concat(3, [4, 5], [[6]]), a);
console.log([].concat('s', null, undefined, { k: 1 }));
console.log(a.concat());
