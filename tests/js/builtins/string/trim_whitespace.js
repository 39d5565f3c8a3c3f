// trim*: exactly WhiteSpace (incl. U+FEFF and every Zs) and LineTerminator.
const ws = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
console.log(JSON.stringify((ws + 'x y' + ws).trim()), (ws + 'a').trimStart(), ('a' + ws).trimEnd().length);
// Not white space: U+180E (no longer Zs), U+200B, U+0085, U+2060.
console.log(JSON.stringify('\u180e\u200bx\u0085\u2060'.trim()));
console.log(ws.trim() === '', (ws + ws).trimEnd() === '', ' a '.trimLeft(), ' a '.trimRight() + '|');
try {
  String.prototype.trimEnd.call(undefined);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
