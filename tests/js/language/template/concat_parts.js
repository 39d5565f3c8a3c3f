// Template literals join all their parts at once: substitutions are
// converted with ToString in order, literal parts may be empty, long and
// two-byte parts mix, and a single substitution is just its string.
let x = 5;
const o = { toString() { return 'O'; } };
const u = '\u00e9\u4e2d';
console.log(`a${x}b${o}c`, `${x}`, `${u}-${x}`, `x${[1, 2]}y${null}${undefined}`);
const long = `${'a'.repeat(40)}${'b'.repeat(40)}`;
console.log(long.length, long.slice(38, 42));
let rope = '';
for (let i = 0; i < 30; i++) rope += 'r' + i;
console.log(`[${rope}]`.length, `${rope}${u}`.endsWith(u));
const order = [];
const a = { toString() { order.push('a'); return 'A'; } };
const b = { toString() { order.push('b'); return 'B'; } };
console.log(`${a}${b}`, order.join());
let n = 1;
console.log(`${n}${n++}${n}`, `${(n = 10)}:${n}`);
const rows = [];
for (let i = 0; i < 3; i++) rows.push(`<td>${i}</td><td>${i % 2 === 0 ? 'even' : 'odd'}</td>`);
console.log(rows.join(''));
