// localeCompare: the root collation (case and accents are secondary to the
// letter), canonically equivalent strings compare equal.
const words = ['résumé', 'resume', 'Resume', 'résume', 'a', 'Z', 'z', 'B', 'b', '10', '9', '', ' ', 'ä', 'ae', 'Ä'];
console.log(words.slice().sort((a, b) => a.localeCompare(b)).join('|'));
console.log('a'.localeCompare('B'), 'B'.localeCompare('a'), 'a'.localeCompare('A'), 'a'.localeCompare('a'));
console.log('\u00f6'.localeCompare('o\u0308'), '\u1e9b\u0323'.localeCompare('\u017f\u0323\u0307'));
console.log('undefined'.localeCompare(), 'x'.localeCompare(null), String.prototype.localeCompare.length);
try {
  String.prototype.localeCompare.call(undefined, 'a');
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
