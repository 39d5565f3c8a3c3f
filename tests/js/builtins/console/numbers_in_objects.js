const o = {};
for (let i = 0; i < 8; i++) o['k' + i] = i * 1000;
console.log(o);
console.log({ pi: Math.PI, e: Math.E, neg: -42, max: Number.MAX_SAFE_INTEGER });
