const nums = [5, 3, 8, 1];
console.log(nums.map(n => n * n));
console.log(nums.filter(n => n > 3));
console.log(nums.slice().sort((a, b) => a - b));
console.log(nums.reduce((acc, n) => acc + n, 0));
console.log(nums.some(n => n > 7), nums.every(n => n > 0));
