'use strict';
const o = {
  name: 'obj',
  who() { return this.name; },
};
console.log(o.who());
const other = { name: 'other', who: o.who };
console.log(other.who());
const detached = o.who;
try {
  detached();
} catch (e) {
  console.log(e.name);
}
