let a = 1, b = a + 1, c;
const d = 4, e = d * 2;
var f, g = 'g';
console.log(a, b, c, d, e, f, g);
