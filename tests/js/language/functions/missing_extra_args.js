function f(a, b, c) { return [a, b, c]; }
console.log(f(1));
console.log(f(1, 2, 3, 4, 5));
function g() { return arguments.length; }
console.log(g(), g(1, 2, 3));
