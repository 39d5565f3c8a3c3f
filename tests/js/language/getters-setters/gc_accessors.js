// gc-stress
const objs = [];
for (let i = 0; i < 600; i++) {
  const o = {};
  let backing = i;
  Object.defineProperty(o, 'v', { get: () => backing * 2, set: x => { backing = x; }, enumerable: true });
  if (i % 2) o.v = i + 1;
  objs.push(o);
}
console.log(objs.reduce((s, o) => s + o.v, 0), objs[3]);
