let i = 0;
for (; i < 7; i++);
console.log(i);
let x = 10;
while (x-- > 5);
console.log(x);
