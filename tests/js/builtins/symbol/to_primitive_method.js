// Symbol.prototype[Symbol.toPrimitive] returns the symbol for symbols and
// Symbol objects and throws on anything else.
const s = Symbol('k');
const f = Symbol.prototype[Symbol.toPrimitive];
console.log(f.call(s) === s, f.call(Object(s)) === s, f.length, f.name);
const d = Object.getOwnPropertyDescriptor(Symbol.prototype, Symbol.toPrimitive);
console.log(d.writable, d.enumerable, d.configurable);
try {
  f.call(1);
} catch (e) {
  console.log(e instanceof TypeError);
}
