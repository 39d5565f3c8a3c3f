const s = 'héllo😀';
console.log(s.length, s.charAt(1), s.charAt(99), s[0], s[99]);
console.log(s.charCodeAt(1), s.charCodeAt(5), s.charCodeAt(6), s.codePointAt(5), s.codePointAt(6));
console.log(String.fromCharCode(72, 105), String.fromCharCode(0xd83d, 0xde00), String.fromCodePoint(0x1f600));
console.log(isNaN(s.charCodeAt(100)), s.codePointAt(100));
