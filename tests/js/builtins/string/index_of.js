const s = 'the cat sat on the mat';
console.log(s.indexOf('at'), s.indexOf('at', 6), s.lastIndexOf('at'), s.lastIndexOf('at', 10), s.indexOf('dog'));
console.log(s.indexOf(''), s.indexOf('', 100), s.lastIndexOf(''), 'aaa'.indexOf('aa', 1));
console.log(s.includes('sat'), s.includes('sat', 10), s.startsWith('the'), s.startsWith('cat', 4), s.endsWith('mat'), s.endsWith('sat', 11));
