console.log('ab'.repeat(3), 'x'.repeat(0), ''.repeat(5));
console.log('5'.padStart(3, '0'), 'abc'.padStart(6, '12'), 'abc'.padEnd(6, '.'), 'abc'.padStart(2), 'x'.padEnd(4) + '|');
try {
  'a'.repeat(-1);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
