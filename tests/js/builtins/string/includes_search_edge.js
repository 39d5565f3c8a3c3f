console.log('abc'.includes(''), 'abc'.startsWith(''), 'abc'.endsWith(''));
console.log('abc'.indexOf('c', -5), 'abc'.lastIndexOf('a', -5), 'abc'.startsWith('a', -1), 'abc'.endsWith('c', 99));
