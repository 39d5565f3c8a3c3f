// gc-stress
const out = [];
for (let i = 0; i < 1200; i++) {
  const s = String(i).padStart(6, '0').replace('0', 'x').replaceAll('1', 'I').toUpperCase();
  if (i % 250 === 0) out.push(s.padEnd(8, '.'));
}
console.log(out);
