function tag(strings, ...vals) {
  return strings.length + ':' + strings.join('|') + ':' + vals.join(',');
}
console.log(tag`a${1}b${2}c`);
console.log(tag`${'x'}`);
console.log(tag`plain`);
function raw(strings) { return strings.raw[0]; }
console.log(raw`\n\t`);
console.log(String.raw`a\nb${1}c`);
