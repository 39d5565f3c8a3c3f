const target = [1];
target.push(...[2, 3], ...[4]);
console.log(target);
const big = [];
for (let i = 0; i < 1000; i++) big.push(i);
const copy = [];
copy.push(...big);
console.log(copy.length, copy[999]);
