console.log([1, [2, [3]]].toString(), String([]), String([null]), String([undefined, 1]));
console.log([1, 2] + '', `${['a', 'b']}`);
