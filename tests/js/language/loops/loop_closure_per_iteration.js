const fs = [];
for (let i = 0; i < 3; i++) {
  fs.push(() => i);
  i += 0;
}
let i2 = 0;
for (let i = 0; i < 3; i++, i2++) {
  if (i === 1) { fs.push(() => i * 100); }
}
console.log(fs.map(f => f()), i2);
