const [a, b, ...rest] = 'kite!';
console.log(a, b, rest);
const [s1, s2] = new Set(['x', 'y', 'z']);
console.log(s1, s2);
const { length } = 'hello';
console.log(length);
