let n = 0;
for (const k in null) n++;
for (const k in undefined) n++;
console.log(n);
const s = [];
for (const k in 'ab') s.push(k);
console.log(s);
