class Range {
  constructor() { this._lo = 0; this._hi = 10; }
  get lo() { return this._lo; }
  set lo(v) {
    if (v > this._hi) throw new RangeError('lo > hi');
    this._lo = v;
  }
}
const r = new Range();
r.lo = 5;
try { r.lo = 50; } catch (e) { console.log(e.name + ': ' + e.message); }
console.log(r.lo);
