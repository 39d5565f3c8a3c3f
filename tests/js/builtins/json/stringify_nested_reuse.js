// gc-stress
// JSON.stringify reuses its buffers between calls: nested calls from toJSON
// and replacers, throws out of the middle, and parse of repeated keys must
// all give the same text as fresh buffers would.
const payload = JSON.stringify({ id: 1, name: 'User1', tags: ['alpha', 'beta', 'gamma'] });
let total = 0;
for (let i = 0; i < 300; i++) {
  const data = JSON.parse(payload);
  data.limit = i % 10;
  data.inner = { toJSON() { return JSON.stringify({ nested: [i, { deep: 'x' + i }] }); } };
  const s = JSON.stringify({ ok: true, data: data }, null, i % 3 === 0 ? 2 : undefined);
  total += s.length;
  if (i === 7) console.log(s);
}
console.log(total);
const cyc = { a: 1 };
cyc.self = cyc;
try {
  JSON.stringify({ before: [1, 2], c: cyc });
} catch (e) {
  console.log(e.constructor.name);
}
console.log(JSON.stringify({ after: 'ok', list: [{ k: 1 }, { k: 2 }] }));
console.log(JSON.stringify({ a: 1, b: [1, 2] }, function (k, v) {
  return k === 'a' ? JSON.stringify(this) : v;
}));
console.log(JSON.stringify(JSON.parse('{"0":1,"1x":2,"":3,"a\\"b":4,"id":5,"id":6}')));
console.log(JSON.stringify('top'), JSON.stringify(undefined), JSON.stringify(42));
