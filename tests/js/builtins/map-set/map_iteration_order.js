const m = new Map([['z', 1], ['a', 2], ['m', 3]]);
m.delete('a');
m.set('a', 4);
m.set('z', 5);
console.log([...m.keys()], [...m.values()], [...m.entries()]);
const visited = [];
m.forEach((v, k, map) => visited.push(k + v + (map === m)));
console.log(visited);
