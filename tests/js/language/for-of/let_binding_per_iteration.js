const fns = [];
for (let v of [1, 2, 3]) {
  v *= 10;
  fns.push(() => v);
}
console.log(fns.map(f => f()));
let outside;
for (outside of ['p', 'q']);
console.log(outside);
