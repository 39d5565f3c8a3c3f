// gc-stress
const lines = [];
for (let i = 0; i < 1500; i++) {
  const s = `row ${i}: ${i % 2 ? 'odd' : 'even'} [${[i, i * i].join(',')}]`;
  if (i % 300 === 0) lines.push(s);
}
console.log(lines);
