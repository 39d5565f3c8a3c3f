// gc-stress
const s = new Set();
for (let i = 0; i < 4000; i++) s.add(i % 1500);
for (let i = 0; i < 1500; i += 10) s.delete(i);
let total = 0;
for (const v of s) total += v;
console.log(s.size, total);
const objs = new Set();
for (let i = 0; i < 1000; i++) objs.add({ i });
console.log(objs.size);
