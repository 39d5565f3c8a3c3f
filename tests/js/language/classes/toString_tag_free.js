class Shape {
  area() { return 0; }
  describe() { return this.constructor.name + ' with area ' + this.area(); }
}
class Sq extends Shape {
  constructor(s) { super(); this.s = s; }
  area() { return this.s * this.s; }
}
class Circ extends Shape {
  constructor(r) { super(); this.r = r; }
  area() { return Math.round(Math.PI * this.r * this.r); }
}
for (const s of [new Sq(3), new Circ(2), new Shape()]) console.log(s.describe());
