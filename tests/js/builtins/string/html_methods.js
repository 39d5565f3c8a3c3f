// Annex B HTML methods: tags, the quoted attribute with " escaped.
console.log('x'.anchor('a"b'), 'x'.anchor(), 'x'.link('http://e.com/?q="1"'));
console.log('x'.fontcolor('red'), 'x'.fontsize(7), 'x'.big(), 'x'.small(), 'x'.blink());
console.log('x'.bold(), 'x'.italics(), 'x'.fixed(), 'x'.strike(), 'x'.sub(), 'x'.sup());
console.log(String.prototype.anchor.call(5, 6), String.prototype.anchor.length, String.prototype.big.length);
console.log(String.prototype.trimLeft === String.prototype.trimStart, String.prototype.trimRight.name);
try {
  String.prototype.bold.call(null);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
