// gc-stress
let big = '';
for (let i = 0; i < 300; i++) big += 'chunk' + i + ';';
const pieces = [];
for (let i = 0; i < big.length - 10; i += 37) pieces.push(big.slice(i, i + 10));
const upper = pieces.map(p => p.toUpperCase());
console.log(big.length, pieces.length, upper[0], upper[upper.length - 1]);
