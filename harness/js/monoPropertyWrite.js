// monoPropertyWrite: property stores at monomorphic sites on same-shape
// objects, then one read to keep the stores observable.
function Counter() {
  this.hits = 0;
  this.last = 0;
  this.total = 0;
}
function bench(n) {
  const cs = [];
  for (let k = 0; k < 32; k++) cs.push(new Counter());
  for (let i = 0; i < n; i++) {
    const c = cs[i % 32];
    c.hits = c.hits + 1;
    c.last = i;
    c.total = (c.total + i) % 1000000;
  }
  let acc = 0;
  for (let k = 0; k < 32; k++) acc = (acc + cs[k].hits + cs[k].last + cs[k].total) % 1000000;
  return acc;
}
