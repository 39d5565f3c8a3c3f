// gc-stress
function makeCounter(start) {
  let n = start;
  return { inc: () => ++n, get: () => n, label: 'c' + start };
}
const counters = [];
for (let i = 0; i < 400; i++) {
  const c = makeCounter(i);
  for (let j = 0; j < i % 5; j++) c.inc();
  if (i % 3 === 0) counters.push(c);
}
console.log(counters.length, counters.reduce((s, c) => s + c.get(), 0), counters[10].label);
