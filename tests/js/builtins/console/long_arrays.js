const nums = [];
for (let i = 0; i < 30; i++) nums.push(i);
console.log(nums);
const big = [];
for (let i = 0; i < 120; i++) big.push(i);
console.log(big);
console.log([1, 2, 3, 4, 5, 6]);
console.log([1, 2, 3, 4, 5, 6, 7]);
