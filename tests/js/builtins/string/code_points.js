// at, codePointAt, String.fromCodePoint, the code point iterator.
console.log('abc'.at(-1), 'abc'.at(3), 'abc'.at(-4), 'abc'.at(NaN), 'abc'.at(1.9), 'abc'.at('-2'));
const face = '\ud83d\ude00';
console.log(face.codePointAt(0), face.codePointAt(1), '\ud83d'.codePointAt(0), 'a'.codePointAt(-1), 'a'.codePointAt(1));
console.log(String.fromCodePoint(0x1f600, 97, 0x10ffff).length, String.fromCodePoint() === '', String.fromCodePoint('65', 66.0));
for (const bad of [-1, 0x110000, 3.5, NaN, Infinity, '_', undefined]) {
  try {
    String.fromCodePoint(bad);
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
}
console.log([...('a' + face + 'b\ud800c\udc00')].map((c) => c.length).join(','), [...''].length);
const it = 'ab'[Symbol.iterator]();
console.log(Object.prototype.toString.call(it), JSON.stringify(it.next()), JSON.stringify(it.next()), JSON.stringify(it.next()));
let n = 0;
for (const c of 'x\u{1f600}y') n += c.codePointAt(0);
console.log(n);
