const obj = { x: 1, y: 2 };
const m = new Map(Object.entries(obj));
console.log(m.get('x'), m.size);
const back = Object.fromEntries(m);
console.log(back);
const counts = new Map();
for (const w of 'the cat and the hat and the bat'.split(' ')) counts.set(w, (counts.get(w) || 0) + 1);
console.log([...counts]);
