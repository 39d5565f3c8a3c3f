// gc-stress
let total = 0;
let sample = '';
for (let i = 0; i < 300; i++) {
  const doc = { id: i, tags: ['a', 'b', String(i)], meta: { ok: i % 2 === 0, ratio: i / 4 } };
  const s = JSON.stringify(doc, null, 2);
  total += s.length;
  if (i === 7) sample = s;
}
console.log(total);
console.log(sample);
