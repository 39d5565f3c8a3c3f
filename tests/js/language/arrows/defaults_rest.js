const f = (a, b = a + 1, ...rest) => [a, b, rest];
console.log(f(1), f(1, 5, 6, 7));
const g = ({ x, y = 2 } = {}) => x + y;
console.log(g({ x: 1 }), g({ x: 1, y: 10 }));
const h = ([p, q]) => p * q;
console.log(h([6, 7]));
