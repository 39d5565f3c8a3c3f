// gc-stress
const m = new Map();
for (let i = 0; i < 2000; i++) m.set('k' + i, { v: i });
let sum = 0;
for (let i = 0; i < 2000; i += 3) sum += m.get('k' + i).v;
for (let i = 0; i < 2000; i += 2) m.delete('k' + i);
console.log(sum, m.size, m.get('k1999'), m.has('k1998'));
