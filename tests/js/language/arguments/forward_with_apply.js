function target(a, b, c) { return a + b + c; }
function forward() { return target.apply(null, arguments); }
console.log(forward(1, 2, 3), forward('x', 'y', 'z'));
