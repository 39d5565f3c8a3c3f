const s = new Set(['a', 'b']);
console.log([...s.values()], [...s.keys()], [...s.entries()]);
const out = [];
s.forEach((v, k, set) => out.push(v + k + (set === s)));
console.log(out);
