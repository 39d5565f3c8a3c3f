// Array.prototype[Symbol.unscopables]: a null-prototype object of booleans.
const u = Array.prototype[Symbol.unscopables];
console.log(Object.getPrototypeOf(u), u.flat, u.includes, u.push);
console.log(Object.keys(u).includes('copyWithin'), Object.keys(u).includes('map'));
const d = Object.getOwnPropertyDescriptor(Array.prototype, Symbol.unscopables);
console.log(d.writable, d.enumerable, d.configurable);
console.log(String(Symbol.unscopables));
