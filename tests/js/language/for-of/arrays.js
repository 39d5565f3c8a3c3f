const out = [];
for (const v of [10, 20, 30]) out.push(v * 2);
console.log(out);
for (const v of [1, , 3]) console.log(v);
for (const v of []) console.log('never');
