// gc-stress
function range(n) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return { next: () => (i < n ? { value: { i: i++ }, done: false } : { value: undefined, done: true }) };
    },
  };
}
let sum = 0;
for (let round = 0; round < 20; round++) {
  for (const { i } of range(100)) sum += i;
}
console.log(sum);
