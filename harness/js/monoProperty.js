// monoProperty: property loads at monomorphic sites -- every object has the
// same shape (made by one constructor), so each load site sees one shape.
function Point(x, y, z) {
  this.x = x;
  this.y = y;
  this.z = z;
}
function bench(n) {
  const pts = [];
  for (let k = 0; k < 64; k++) pts.push(new Point(k, k * 2, k * 3));
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const p = pts[i % 64];
    acc = (acc + p.x + p.y + p.z) % 1000000;
  }
  return acc;
}
