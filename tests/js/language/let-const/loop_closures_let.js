const fns = [];
for (let i = 0; i < 4; i++) {
  fns.push(() => i);
}
console.log(fns.map(f => f()));
const fns2 = [];
for (var j = 0; j < 4; j++) {
  fns2.push(() => j);
}
console.log(fns2.map(f => f()));
