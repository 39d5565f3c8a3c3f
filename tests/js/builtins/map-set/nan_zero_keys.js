const s = new Set([NaN, NaN, 0, -0]);
console.log(s.size, s.has(NaN), s.has(-0), [...s]);
const m = new Map([[-0, 'x']]);
console.log(Object.is([...m.keys()][0], 0), m.get(0));
