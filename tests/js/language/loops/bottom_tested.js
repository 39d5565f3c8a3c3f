// Loops whose test runs before the first iteration and after every
// iteration (continue included), and whose test has side effects.
let tests = 0;
function t(v) { tests++; return v; }
let i = 0;
while (t(i < 3)) { i++; if (i === 2) continue; }
console.log(i, tests);
tests = 0;
for (let j = 0; t(j < 4); j++) { if (j % 2) continue; }
console.log(tests);
tests = 0;
for (let j = 10; t(j < 4); j++) console.log('never');
console.log(tests);
tests = 0;
let k = 0;
do { k++; if (k < 3) continue; } while (t(k < 5));
console.log(k, tests);
let s = '';
outer: for (let a = 0; a < 3; a++) {
  for (let b = 0; b < 3; b++) {
    if (b === 2) continue outer;
    if (a === 2) break outer;
    s += a + '' + b + ' ';
  }
}
console.log(s);
const fns = [];
for (let m = 0; m < 3; m++) fns.push(() => m);
console.log(fns.map((f) => f()).join(','));
let w = 5;
while (w) w--;
console.log(w);
