const base = { greet() { return 'hi from ' + this.id; } };
const x = Object.create(base, { id: { value: 'x', enumerable: true } });
console.log(x.greet(), Object.keys(x), Object.getPrototypeOf(x) === base);
const bare = Object.create(null);
bare.k = 1;
console.log(Object.keys(bare), typeof bare.toString);
