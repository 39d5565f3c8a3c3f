class Counter {
  constructor() {
    this.count = 0;
    this.step = 1;
  }
  inc() { this.count += this.step; return this; }
}
const c = new Counter();
c.inc().inc().inc();
console.log(c.count, JSON.stringify(c));
