const count = 42;
for (const x of count) console.log(x);
