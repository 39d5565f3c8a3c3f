const s = 'a😀b';
console.log(s.length, [...s].length, s.split('').length);
console.log(s.codePointAt(1).toString(16), s.charCodeAt(1).toString(16), s.charCodeAt(2).toString(16));
console.log(s.slice(1, 3) === '😀', s.indexOf('b'), s.at(-1));
console.log(String.fromCodePoint(0x41, 0x1f680, 0x42), '\u{1F680}'.length);
