// gc-stress
const s = new Set();
for (let i = 0; i < 3000; i++) s.add('w' + (i * 7919 % 1000));
let len = 0;
for (const w of s) len += w.length;
console.log(s.size, len, s.has('w999'), s.has('w1000'));
