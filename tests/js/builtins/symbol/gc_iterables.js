// gc-stress
function makeIterable(n) {
  return { n, [Symbol.iterator]() { let i = 0; const n = this.n; return { next: () => ({ value: 'v' + i, done: i++ >= n }) }; } };
}
let count = 0;
for (let i = 0; i < 200; i++) count += [...makeIterable(i % 20)].length;
console.log(count, Array.from(makeIterable(3)));
