// gc-stress
const m = new Map();
let checksum = 0;
for (let i = 0; i < 4000; i++) {
  m.set('key' + (i % 300), { i, payload: [i] });
  if (i % 7 === 0) m.delete('key' + ((i * 13) % 300));
  checksum = (checksum + m.size) % 100003;
}
console.log(m.size, checksum, m.get('key299'));
