const a = [1, 2];
const b = [0, ...a, 3, ...a];
console.log(b);
console.log([...'abc']);
console.log([...new Set([1, 1, 2, 3, 3])]);
console.log([...new Map([[1, 'a']])]);
const copy = [...a];
copy.push(9);
console.log(a, copy);
