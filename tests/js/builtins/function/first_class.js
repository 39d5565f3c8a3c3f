const ops = { add: (a, b) => a + b, sub: (a, b) => a - b, mul: (a, b) => a * b };
const table = Object.keys(ops).map(k => k + '=' + ops[k](6, 3));
console.log(table);
const arr = [Math.sqrt, Math.abs, String];
console.log(arr.map(fn => fn(-4)));
