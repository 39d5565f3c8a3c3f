const a = [];
for (let i = 0; i < 101; i++) a.push(i % 10);
console.log(a);
const b = [];
for (let i = 0; i < 250; i++) b.push('s');
console.log(b);
