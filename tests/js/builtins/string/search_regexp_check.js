// includes/startsWith/endsWith refuse a RegExp-like argument (IsRegExp via
// Symbol.match); indexOf does not check. Position arguments.
for (const m of ['includes', 'startsWith', 'endsWith']) {
  try {
    'abc'[m]({ [Symbol.match]: 1 });
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
}
const notRegExp = { [Symbol.match]: false, toString: () => 'b' };
console.log('abc'.includes(notRegExp), 'abc'.startsWith(notRegExp, 1), 'abc'.endsWith(notRegExp, 2));
console.log('abc'.indexOf({ [Symbol.match]: true, toString: () => 'c' }), 'a,b'.lastIndexOf({ toString: () => ',' }));
console.log('abcabc'.indexOf('c', -5), 'abcabc'.indexOf('', 10), 'abcabc'.lastIndexOf('c', -1), 'abcabc'.lastIndexOf('a', NaN));
console.log('abcabc'.lastIndexOf(''), 'abcabc'.lastIndexOf('', 2), 'abc'.includes(''), 'abc'.startsWith('b', 1), 'abc'.endsWith('b', 2));
console.log('abc'.endsWith('', -1), 'abc'.startsWith('abc', -Infinity), 'abc'.includes('c', Infinity), 'abc'.endsWith('c', Infinity));
