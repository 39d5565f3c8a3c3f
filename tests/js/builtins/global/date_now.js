const t1 = Date.now();
let x = 0;
for (let i = 0; i < 100000; i++) x += i;
const t2 = Date.now();
console.log(typeof t1, Number.isInteger(t1), t2 >= t1, t1 > 1600000000000, x);
