// gc-stress
function collect() {
  const out = [];
  for (let i = 0; i < arguments.length; i++) out.push(arguments[i]);
  return out;
}
let total = 0;
for (let i = 0; i < 1500; i++) total += collect(i, 'x', [i]).length + collect().length;
console.log(total);
