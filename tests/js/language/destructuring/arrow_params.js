const points = [{ x: 1, y: 2 }, { x: 3, y: 4 }];
console.log(points.map(({ x, y }) => x * y));
console.log(Object.entries({ a: 1, b: 2 }).map(([k, v]) => k + v));
const f = ([a, ...r], { n } = { n: 9 }) => a + r.length + n;
console.log(f([1, 2, 3]), f([1], { n: 0 }));
