let s = 0;
for (let i = 0; i < 10; i++) s += 0.1;
console.log(s, s === 1, Math.abs(s - 1) < Number.EPSILON);
let p = 1;
for (let i = 0; i < 60; i++) p *= 2;
console.log(p, p + 1 === p);
