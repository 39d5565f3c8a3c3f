// gc-stress
const a = [];
for (let i = 0; i < 10000; i++) a.push(i * 2);
console.log(a.length, a[9999], a.indexOf(5000));
while (a.length > 10) a.pop();
console.log(a);
const b = [];
for (let i = 0; i < 3000; i++) b.unshift(i);
console.log(b.length, b[0], b[2999]);
