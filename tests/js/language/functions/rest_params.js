function collect(first, ...rest) {
  return [first, rest, rest.length, Array.isArray(rest)];
}
console.log(collect(1));
console.log(collect(1, 2, 3));
function sum(...nums) { return nums.reduce((a, b) => a + b, 0); }
console.log(sum(), sum(1, 2, 3, 4));
