let i;
for (i = 0; i < 3; i++) {}
console.log(i);
var total = 0;
for (var v = 1; v <= 100; v++) total += v;
console.log(total, v);
