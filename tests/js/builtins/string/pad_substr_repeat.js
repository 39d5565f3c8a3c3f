// padStart/padEnd, Annex B substr, repeat, concat and their edge cases.
console.log('abc'.padStart(6, '12'), 'abc'.padEnd(7, 'xy'), 'abc'.padStart(2), 'abc'.padStart(5, ''), 'abc'.padEnd(6) + '|');
console.log('|' + 'a'.padStart(NaN) + '|', 'é'.padStart(4, 'ü'), 'x'.padEnd(3, null), '5'.padStart(3, 0));
try {
  'a'.padStart(2 ** 31);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
console.log('abcdef'.substr(-3, 2), 'abcdef'.substr(2), 'abcdef'.substr(1, -1) === '', 'abcdef'.substr(-Infinity, 2));
console.log('abcdef'.substr(NaN, Infinity), 'abc'.substr(5) === '', 'abc'.substr(1, 1.9), String.prototype.substr.length);
console.log('x'.repeat(0) === '', ''.repeat(5) === '', 'ab'.repeat(3), 'ab'.repeat(2.9), 'ab'.repeat('2'));
for (const bad of [-1, Infinity, -Infinity]) {
  try {
    'a'.repeat(bad);
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
}
try {
  'a'.repeat(2 ** 30);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
console.log('a'.concat(1, null, undefined, {}), ''.concat() === '', 'x'.concat([1, 2]), String.prototype.concat.length);
