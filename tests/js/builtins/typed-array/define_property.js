// Element properties are writable, enumerable, configurable data properties that cannot be reshaped.
const ta = new Uint8Array([1, 2, 3]);
Object.defineProperty(ta, 0, { value: 300 });
Object.defineProperty(ta, '1', { value: 7, writable: true, enumerable: true, configurable: true });
console.log(ta.join());
const attempts = [
  { writable: false, value: 1 },
  { enumerable: false },
  { configurable: false },
  { get() { return 1; } },
];
for (const desc of attempts) {
  try { Object.defineProperty(ta, 2, desc); console.log('ok'); } catch (e) { console.log(e.name, e.message); }
}
console.log(Reflect.defineProperty(ta, 2, { value: 9 }), Reflect.defineProperty(ta, 2, { set(v) {} }), Reflect.defineProperty(ta, 3, { value: 1 }), ta.join());
console.log(Object.isFrozen(Object.freeze(new Int8Array(0))), Object.isExtensible(ta));
Object.preventExtensions(ta);
ta[0] = 42;
console.log(ta[0], Object.isExtensible(ta), Object.isFrozen(ta));
const child = Object.create(new Int16Array(2));
child[0] = 5;
child[9] = 6;
console.log(Object.keys(child).join(), child[0], Object.getPrototypeOf(child)[0], child[9]);
const target = {};
console.log(Reflect.set(new Uint8Array(1), 0, 4, target), JSON.stringify(target));
