function f(a, b, c) { return arguments.length + '/' + f.length; }
console.log(f(), f(1), f(1, 2, 3, 4));
function g(x = 1) { return arguments.length; }
console.log(g(), g(undefined));
