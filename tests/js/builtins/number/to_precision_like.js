const xs = [0.5, 1.25, 99.999, 1e-10, 7];
console.log(xs.map(x => x.toFixed(3)));
console.log(xs.map(x => Math.round(x * 100) / 100));
