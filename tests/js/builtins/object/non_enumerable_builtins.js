console.log(Object.keys(Object.prototype), Object.keys(Array.prototype), Object.keys(Math));
const d = Object.getOwnPropertyDescriptor(Array.prototype, 'push');
console.log(d.enumerable, d.writable, d.configurable, typeof d.value);
const m = Object.getOwnPropertyDescriptor(Math, 'PI');
console.log(m.writable, m.enumerable, m.configurable);
