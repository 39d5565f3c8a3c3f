const o = { x: 1, y: 2, z: 3 };
const doubled = Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v * 2]));
console.log(doubled);
console.log(Object.fromEntries(new Map([['m', 1]])));
