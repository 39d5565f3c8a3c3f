const a = 'outer';
function f() {
  const a = 'inner';
  return a;
}
console.log(f(), a);
let b = 1;
for (let b = 10; b < 12; b++) console.log(b);
console.log(b);
