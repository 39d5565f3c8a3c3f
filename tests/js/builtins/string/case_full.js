// toUpperCase/toLowerCase: full Unicode mapping including SpecialCasing
// (ß, ligatures, İ, final sigma) and supplementary planes; Latin-1 fast path.
const hex = (s) => Array.from(s, (c) => c.codePointAt(0).toString(16)).join(' ');
console.log('straße'.toUpperCase(), 'ﬃ ﬅ'.toUpperCase(), 'ŉ'.toUpperCase(), hex('ΐ'.toUpperCase()));
console.log('ÿ µ'.toUpperCase(), 'ÀÉÎÕÜÞ×'.toLowerCase(), 'àéîõüþ÷'.toUpperCase());
console.log(hex('İ'.toLowerCase()), 'ǅ'.toUpperCase(), 'ǅ'.toLowerCase(), 'ı'.toUpperCase(), 'ſ'.toUpperCase());
console.log('ΌΣΟΣ Σ ΑΣ. ΑΣΑ'.toLowerCase(), 'ΣΑΣ'.toLocaleLowerCase(), 'ß'.toLocaleUpperCase());
console.log('𐐨𐐩'.toUpperCase() === '𐐀𐐁', '𐐀'.toLowerCase() === '𐐨', 'Привет Мир'.toUpperCase(), 'ԱԲԳ'.toLowerCase());
const ascii = 'The Quick Brown Fox 0123!';
console.log(ascii.toUpperCase(), ascii.toLowerCase(), 'abc'.toLowerCase() === 'abc', ''.toUpperCase() === '');
console.log(String.prototype.toUpperCase.call(true), String.prototype.toLowerCase.call(12e3));
try {
  String.prototype.toLocaleUpperCase.call(null);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
