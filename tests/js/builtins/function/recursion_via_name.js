const fact = function f(n) { return n <= 1 ? 1 : n * f(n - 1); };
const alias = fact;
console.log(alias(6), typeof f);
