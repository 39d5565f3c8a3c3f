function compose(f, g) { return x => f(g(x)); }
const inc = x => x + 1;
const dbl = x => x * 2;
console.log(compose(inc, dbl)(5), compose(dbl, inc)(5));
function apply(fn, ...args) { return fn(...args); }
console.log(apply(Math.max, 3, 9, 2));
function twice(f) { return function (x) { return f(f(x)); }; }
console.log(twice(twice(inc))(0));
