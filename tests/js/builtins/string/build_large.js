// gc-stress
let s = '';
for (let i = 0; i < 5000; i++) s += String.fromCharCode(97 + (i % 26));
console.log(s.length, s.slice(0, 30), s.slice(-5));
let count = 0;
for (let i = 0; i < s.length; i++) if (s[i] === 'z') count++;
console.log(count);
const parts = [];
for (let i = 0; i < 1000; i++) parts.push('p' + i);
const joined = parts.join(',');
console.log(joined.length, joined.split(',').length, joined.slice(0, 20));
