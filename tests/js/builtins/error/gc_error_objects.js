// gc-stress
const kept = [];
for (let i = 0; i < 800; i++) {
  const e = i % 2 ? new TypeError('t' + i) : new Error('e' + i);
  if (i % 100 === 0) kept.push(e);
}
console.log(kept.map(e => e.name + ':' + e.message));
