console.log(typeof undefined, typeof NaN, typeof Infinity, NaN, Infinity, -Infinity);
const d = Object.getOwnPropertyDescriptor(globalThis, 'NaN');
console.log(d.writable, d.enumerable, d.configurable);
