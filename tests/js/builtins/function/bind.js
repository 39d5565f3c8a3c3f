function f(a, b, c) { return [this.tag, a, b, c]; }
const b1 = f.bind({ tag: 'T' }, 1);
console.log(b1(2, 3), b1.length, b1.name);
const b2 = b1.bind({ tag: 'ignored' }, 2);
console.log(b2(3), b2.length, b2.name);
function Pt(x, y) { this.x = x; this.y = y; }
const BoundPt = Pt.bind(null, 5);
const pt = new BoundPt(6);
console.log(pt.x, pt.y, pt instanceof Pt);
