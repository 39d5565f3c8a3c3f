const s = `line one
line two
  indented`;
console.log(s);
console.log(s.split('\n').length);
