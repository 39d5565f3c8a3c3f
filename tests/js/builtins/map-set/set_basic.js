const s = new Set([1, 2, 2, 3]);
console.log(s.size, s.has(2), s.has('2'));
s.add(4).add(1);
console.log([...s], s.delete(1), s.delete(1), [...s]);
const strs = new Set('hello');
console.log([...strs].join(''), strs.size);
s.clear();
console.log(s.size);
