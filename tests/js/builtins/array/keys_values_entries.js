const a = ['x', 'y'];
console.log([...a.keys()], [...a.values()], [...a.entries()]);
const it = a.values();
console.log(it.next(), it.next(), it.next());
console.log([...[, 'hole'].keys()]);
