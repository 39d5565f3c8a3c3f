// parseInt, parseFloat and Number on one-byte strings (parsed in place) and
// on two-byte strings of the same digits.
const wide = (s) => s + '\u2028';  // a trailing line separator makes the string two-byte
const cases = ['42', '  7', '\u00a0\t19', '-123', '+8', '007', '123456789012345', '1234567890123456789',
  '99999999999999999999999', '0x1F', '-0xff', 'z', '', '-', '12px', '-0', '3.25', '.5', '-.75e2', '1e3x',
  'Infinity', '-Infinity', 'Infinityx', '\u00a0Infinity', '5e-400', '1e400'];
for (const s of cases) {
  console.log(JSON.stringify(s), parseInt(s), parseInt(s, 10), parseInt(s, 16),
    parseFloat(s), Number(s));
  console.log(parseInt(wide(s)) === parseInt(s) || (isNaN(parseInt(s)) && isNaN(parseInt(wide(s)))),
    Object.is(parseFloat(wide(s)), parseFloat(s)));
}
console.log(parseInt('101', 2), parseInt('777', 8), parseInt('zz', 36), parseInt('12', 1), parseInt('12', 37));
console.log(Object.is(parseInt('-0'), -0), Object.is(parseFloat('-0'), -0), Object.is(Number('-0'), -0));
console.log(decodeURIComponent('plain'), decodeURIComponent(''), decodeURIComponent('a%20b%2Fc'),
  decodeURIComponent('%E2%82%AC'), decodeURIComponent('\u00e9t\u00e9'));
try {
  decodeURIComponent('%zz');
} catch (e) {
  console.log(e.name);
}
