const pairs = [[1, 'one'], [2, 'two']];
for (const [n, w] of pairs) console.log(n, w);
const people = [{ name: 'a', age: 1 }, { name: 'b' }];
for (const { name, age = 0 } of people) console.log(name, age);
const m = new Map([['k1', 'v1'], ['k2', 'v2']]);
for (const [k, v] of m) console.log(k + '=' + v);
