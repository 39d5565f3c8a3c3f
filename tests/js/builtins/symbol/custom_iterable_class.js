class Range {
  constructor(a, b) { this.a = a; this.b = b; }
  [Symbol.iterator]() {
    let i = this.a;
    const b = this.b;
    return { next: () => (i < b ? { value: i++, done: false } : { value: undefined, done: true }) };
  }
}
console.log([...new Range(1, 5)], Array.from(new Range(0, 3)));
const [first, second] = new Range(10, 20);
console.log(first, second);
