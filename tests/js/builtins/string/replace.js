const s = 'a-b-c-b';
console.log(s.replace('b', 'X'), s.replaceAll('b', 'X'), s.replace('z', 'X'));
console.log(s.replace('b', (m, off, str) => m.toUpperCase() + off + str.length));
console.log(s.replaceAll('-', ''), 'aaa'.replaceAll('aa', 'b'), 'abc'.replace('', '_'));
console.log('cost'.replace('cost', '$$5'), 'x'.replace('x', '[$&]'), 'ab'.replace('b', "$'|$`"));
