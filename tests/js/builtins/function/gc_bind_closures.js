// gc-stress
function scale(factor, x) { return this.offset + factor * x; }
const fns = [];
for (let i = 0; i < 500; i++) fns.push(scale.bind({ offset: i }, i % 10));
let total = 0;
for (let round = 0; round < 3; round++) for (const f of fns) total += f(round);
console.log(total, fns[499].name, fns[0].length);
