const proto = { hello() { return 'hello ' + this.n; } };
const o = Object.create(proto, {
  n: { value: 'world', enumerable: true },
  hidden: { value: 1 },
});
console.log(o.hello(), Object.keys(o), o.hidden);
const d = Object.getOwnPropertyDescriptor(o, 'hidden');
console.log(d);
const nul = Object.create(null);
console.log(Object.getPrototypeOf(nul), 'toString' in nul);
