// gc-stress
const keep = [];
for (let i = 0; i < 3000; i++) {
  const o = { id: i };
  if (i % 2) o.odd = true;
  if (i % 3) o.notThree = 'yes';
  o['dyn' + (i % 11)] = i;
  if (i % 100 === 0) keep.push(o);
}
console.log(keep.length, keep[5], Object.keys(keep[29]));
