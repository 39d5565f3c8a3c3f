const a = [1, , 3];
a[6] = 7;
const ks = [];
for (const k in a) ks.push(k);
console.log(ks);
