let ok = true;
let distinct = new Set();
for (let i = 0; i < 1000; i++) {
  const r = Math.random();
  if (!(r >= 0 && r < 1)) ok = false;
  distinct.add(r);
}
console.log(ok, distinct.size > 990, typeof Math.random());
const dice = Math.floor(Math.random() * 6) + 1;
console.log(dice >= 1 && dice <= 6);
