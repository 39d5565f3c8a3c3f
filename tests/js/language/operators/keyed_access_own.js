// gc-stress
// obj[key] with computed string keys on shape and dictionary objects:
// own data properties are read and written in place; accessors, read-only
// properties, array length and inherited properties keep their semantics.
'use strict';
const keys = [];
for (let k = 0; k < 20; k++) keys.push('key' + k);
const o = {};
for (let i = 0; i < 200; i++) {
  const k = keys[i % 20];
  o[k] = (o[k] || 0) + i;
  if (i % 37 === 5) delete o[keys[(i * 3) % 20]];
}
console.log(Object.keys(o).join(','));
console.log(keys.map((k) => o[k]).join(','));
const d = { a: 1, b: 2 };
delete d.a;
let log = [];
Object.defineProperty(d, 'g', { get() { log.push('get'); return 7; }, set(v) { log.push('set ' + v); } });
Object.defineProperty(d, 'ro', { value: 1, writable: false, enumerable: true });
const names = ['b', 'g', 'ro', 'missing', 'toString'];
console.log(d[names[0]], d[names[1]], d[names[2]], d[names[3]], typeof d[names[4]]);
d[names[1]] = 5;
try {
  d[names[2]] = 9;
} catch (e) {
  console.log(e.constructor.name);
}
console.log(log.join(';'), d.ro);
const frozen = Object.freeze({ x: 1 });
try {
  frozen['x'] = 2;
} catch (e) {
  console.log(e.constructor.name, frozen.x);
}
const arr = [1, 2, 3];
const len = 'length';
arr[len] = 1;
console.log(arr[len], arr.join());
const proto = { inherited: 'p' };
const child = Object.create(proto);
const inh = 'inherited';
console.log(child[inh]);
child[inh] = 'own';
console.log(child[inh], proto[inh], Object.keys(child).join());
const sk = 'k' + 1;
const s = new String('abc');
console.log(s['length'], s[sk]);
