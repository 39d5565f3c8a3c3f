function P(x, y) { this.x = x; this.y = y; }
const p = new P(...[3, 4]);
console.log(p.x, p.y);
const arr = new Array(...[1, 2, 3]);
console.log(arr);
