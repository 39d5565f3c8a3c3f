// gc-stress
let o = { leaf: true };
for (let i = 0; i < 200; i++) o = { level: i, child: o };
const s = JSON.stringify(o);
console.log(s.length, s.slice(0, 40));
let p = JSON.parse(s);
let depth = 0;
while (p.child) { p = p.child; depth++; }
console.log(depth, p);
