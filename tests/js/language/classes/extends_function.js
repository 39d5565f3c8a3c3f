function Legacy(v) { this.v = v; }
Legacy.prototype.get = function () { return this.v; };
class Modern extends Legacy {
  constructor(v) { super(v * 2); }
  get2() { return this.get() + 1; }
}
const m = new Modern(5);
console.log(m.get(), m.get2(), m instanceof Legacy);
