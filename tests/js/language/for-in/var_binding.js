var last;
for (var k in { first: 1, second: 2 }) last = k;
console.log(last, k);
