// gc-stress
const objs = [];
for (let i = 0; i < 200; i++) {
  const o = { id: i };
  if (i % 3 === 0) o.three = true;
  if (i % 5 === 0) o.five = true;
  if (i % 7 === 0) delete o.id;
  objs.push(o);
}
const counts = { id: 0, three: 0, five: 0 };
for (const o of objs) for (const k of Object.keys(o)) counts[k]++;
console.log(counts);
