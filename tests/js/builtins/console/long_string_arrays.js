const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu'];
console.log(words);
const longs = ['a fairly long string number one', 'a fairly long string number two', 'and a third fairly long one'];
console.log(longs);
