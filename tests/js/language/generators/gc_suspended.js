// gc-stress
// Suspended generators keep their frames (registers, environment,
// arguments) alive across collections; a finished one lets them go.
function* counter(label, ...extra) {
  const seen = [];
  let i = 0;
  const bump = () => ++i;  // captured: the environment lives on the heap
  while (true) {
    const sent = yield { label, i: bump(), extra: extra.length, seen: seen.length };
    if (sent === 'stop') return seen;
    seen.push(String(sent).repeat(2));
  }
}
const gens = [];
for (let k = 0; k < 20; k++) gens.push(counter('g' + k, k, k + 1));
for (let round = 0; round < 5; round++) {
  for (const g of gens) g.next('r' + round);
  const junk = [];
  for (let j = 0; j < 50; j++) junk.push({ j, s: 'x' + j });
}
console.log(JSON.stringify(gens[3].next('last').value));
console.log(gens.map((g) => g.next('stop').value.length).join(','));
function* tree(n) { if (n > 0) { yield* tree(n - 1); yield n; yield* tree(n - 1); } }
console.log([...tree(6)].length);
