const out = [];
for (let i = 0; i < 10; i++) {
  if (i % 2 === 0) continue;
  if (i > 7) break;
  out.push(i);
}
console.log(out);
let j = 0;
while (true) {
  j++;
  if (j < 3) continue;
  break;
}
console.log(j);
