// normalize: the four forms, the NFC default, ASCII unchanged, bad forms.
const codes = (s) => Array.from(s, (c) => c.codePointAt(0).toString(16)).join(' ');
const samples = ['\u00c5', 'A\u030a', '\u212b', '\u1e9b\u0323', '\ufb01', '\u00bd', 'caf\u00e9'];
for (const s of samples) {
  console.log(codes(s), '|', ['NFC', 'NFD', 'NFKC', 'NFKD'].map((f) => codes(s.normalize(f))).join(' | '));
}
console.log('e\u0301'.normalize() === '\u00e9', 'plain ascii'.normalize('NFKD'), ''.normalize() === '');
console.log('x'.normalize(undefined), String.prototype.normalize.length);
for (const form of ['nfc', 'NFX', null, '']) {
  try {
    'x'.normalize(form);
  } catch (e) {
    console.log(String(form), e.name + ': ' + e.message);
  }
}
