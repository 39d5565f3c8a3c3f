const o = {
  v: 7,
  get() { return this.v; },
};
console.log(o.get?.(), o?.get(), (o?.get)());
const maybe = Math.random() < 2 ? o : null;
console.log(maybe?.get());
