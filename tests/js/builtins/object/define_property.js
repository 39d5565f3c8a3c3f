'use strict';
const o = {};
Object.defineProperty(o, 'ro', { value: 1 });
console.log(Object.getOwnPropertyDescriptor(o, 'ro'));
try { o.ro = 2; } catch (e) { console.log(e.name + ': ' + e.message); }
try {
  Object.defineProperty(o, 'ro', { value: 3 });
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
Object.defineProperty(o, 'w', { value: 1, writable: true, enumerable: true });
o.w = 5;
console.log(o, Object.keys(o));
