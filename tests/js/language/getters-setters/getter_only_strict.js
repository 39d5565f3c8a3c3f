'use strict';
const o = { get ro() { return 'read-only'; } };
try {
  o.ro = 'x';
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
console.log(o.ro);
