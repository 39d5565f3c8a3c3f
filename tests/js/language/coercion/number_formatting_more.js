const nums = [4.35, 0.5, 123e-20, 1e300 * 10, 25 / 7, 1.005 * 1000, 12345678.9, 0.1 * 3, 9.95, 1 / 7];
console.log(nums.map(String).join(' '));
console.log(nums);
