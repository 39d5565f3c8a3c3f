class Countdown {
  constructor(n) { this.n = n; }
  [Symbol.iterator]() {
    let n = this.n;
    return {
      next() { return n > 0 ? { value: n--, done: false } : { value: undefined, done: true }; },
    };
  }
}
const seen = [];
for (const v of new Countdown(4)) seen.push(v);
console.log(seen);
