class C {
  m() {}
  static s() {}
}
console.log(Object.keys(C.prototype), Object.getOwnPropertyNames(C.prototype));
const d = Object.getOwnPropertyDescriptor(C.prototype, 'm');
console.log(d.enumerable, d.writable, d.configurable);
console.log(Object.keys(C));
