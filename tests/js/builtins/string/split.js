console.log('a,b,,c'.split(','), 'abc'.split(''), 'abc'.split(), 'a b c'.split(' ', 2));
console.log(''.split(','), ''.split(''), 'a--b--c'.split('--'), 'xyz'.split('xyz'));
console.log('key=value=more'.split('='), 'no-sep'.split(','), 'a,b'.split(',', 0));
