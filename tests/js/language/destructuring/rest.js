const [head, ...tail] = [1, 2, 3, 4];
console.log(head, tail);
const { a, ...others } = { a: 1, b: 2, c: 3 };
console.log(a, others);
const [...all] = 'hey';
console.log(all);
