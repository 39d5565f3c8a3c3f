// isWellFormed / toWellFormed: lone surrogates and U+FFFD.
const units = (s) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i).toString(16)).join(' ');
const samples = ['abc', 'é', '\ud83d\ude00', '\ud800', '\udc00', 'a\ud800b', '\udc00\ud800', '\ud83d\ude00\ud83d', ''];
for (const s of samples) {
  console.log(JSON.stringify(units(s)), s.isWellFormed(), units(s.toWellFormed()));
}
console.log(String.prototype.isWellFormed.call(42), String.prototype.toWellFormed.length);
try {
  String.prototype.toWellFormed.call(undefined);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
