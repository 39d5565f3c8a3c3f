const r = v => Math.round(v * 1e10) / 1e10;
console.log(Math.sinh(0), Math.cosh(0), Math.tanh(0), r(Math.tanh(100)), r(Math.asinh(0)), Math.acosh(1), Math.atanh(0));
