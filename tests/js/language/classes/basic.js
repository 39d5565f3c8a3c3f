class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  sum() { return this.x + this.y; }
  toString() { return '(' + this.x + ', ' + this.y + ')'; }
}
const p = new Point(2, 3);
console.log(p.sum(), String(p), p.x, p.y);
console.log(typeof Point, p instanceof Point);
