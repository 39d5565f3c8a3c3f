const r = v => Math.round(v * 1e10) / 1e10;
console.log(Math.log(1), r(Math.log(Math.E)), Math.log(0), Math.log(-1), Math.log10(1000), Math.log2(8));
console.log(Math.exp(0), r(Math.exp(1)), r(Math.log1p(0)), r(Math.expm1(0)), Math.log10(0.001));
