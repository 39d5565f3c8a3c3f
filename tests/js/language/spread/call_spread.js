function f(a, b, c) { return a + '|' + b + '|' + c; }
const args = [1, 2, 3];
console.log(f(...args));
console.log(f(0, ...[9, 8]));
console.log(f(...'xy'));
console.log(Math.max(...[4, 9, 2], ...[11]));
