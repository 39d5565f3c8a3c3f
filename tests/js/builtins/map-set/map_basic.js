const m = new Map();
m.set('a', 1).set('b', 2);
m.set('a', 10);
console.log(m.size, m.get('a'), m.get('zz'), m.has('b'), m.has('c'));
console.log(m.delete('b'), m.delete('b'), m.size);
m.clear();
console.log(m.size, [...m]);
