'use strict';
const s = 'abc';
try {
  s[0] = 'z';
} catch (e) {
  console.log(e.name);
}
console.log(s, s.length);
const upper = s.toUpperCase();
console.log(s, upper);
