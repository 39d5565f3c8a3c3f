let n = 0;
while (n < 5) n += 2;
console.log(n);
let m = 100;
do { m++; } while (m < 50);
console.log(m);
let k = 0;
do k++; while (k < 3);
console.log(k);
