console.log(add(2, 3));
function add(a, b) { return a + b; }
console.log(typeof later);
var later = function () { return 1; };
console.log(typeof later);
