// indexOf / includes / split with short needles on one-byte strings:
// repeated first units, matches at both ends, overlapping candidates.
const s = 'aaab-aab-ab-b--ba';
const needles = ['a', 'ab', 'aab', 'aaab', 'b-b', '--', 'ba', 'bb', 'z', '', s, s + 'x'];
for (const n of needles) {
  const out = [];
  for (let from = -1; from <= s.length + 1; from += 3) out.push(s.indexOf(n, from));
  console.log(JSON.stringify(n), out.join(','), s.includes(n), s.lastIndexOf(n));
}
console.log('x'.repeat(40).indexOf('x'.repeat(17) + 'y'), ('x'.repeat(40) + 'y').indexOf('x'.repeat(17) + 'y'));
console.log('a&b&&c&'.split('&').join('|'), 'k=v=w'.split('=').length, 'caf\u00e9 ok'.indexOf('\u00e9 o'));
