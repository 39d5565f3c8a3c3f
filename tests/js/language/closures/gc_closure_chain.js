// gc-stress
let chain = () => 0;
for (let i = 1; i <= 500; i++) {
  const prev = chain;
  const k = i;
  chain = () => prev() + k;
}
console.log(chain());
const makers = [];
for (let i = 0; i < 300; i++) makers.push((x => y => x * y)(i));
console.log(makers.reduce((s, f, i) => s + f(i), 0));
