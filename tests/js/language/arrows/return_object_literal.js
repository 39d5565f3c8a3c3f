const mk = (k, v) => ({ [k]: v });
console.log(mk('a', 1), mk('b', [2]));
const list = [1, 2].map(n => ({ n, sq: n * n }));
console.log(list);
