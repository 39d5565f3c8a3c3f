const s = '  \t padded \n ';
console.log('[' + s.trim() + ']', '[' + s.trimStart() + ']', '[' + s.trimEnd() + ']');
console.log('[' + '\u00a0\ufeffx\u2028'.trim() + ']', '[' + ''.trim() + ']');
