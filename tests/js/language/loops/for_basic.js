let s = '';
for (let i = 0; i < 5; i++) s += i;
console.log(s);
let t = 0;
for (let i = 10, j = 0; i > j; i--, j++) t += i - j;
console.log(t);
for (;;) { console.log('once'); break; }
