// gc-stress
const nums = [];
for (let i = 0; i < 5000; i++) nums.push((i * 37) % 1001);
console.log(Math.max.apply(null, nums), Math.min(...nums));
const bound = [];
for (let i = 0; i < 200; i++) {
  const f = function (x) { return this.base + x; }.bind({ base: i });
  bound.push(f);
}
console.log(bound.reduce((s, f, i) => s + f(i), 0));
