function f() {}
console.log(Object.getPrototypeOf(f) === Function.prototype, typeof Function.prototype);
console.log(f instanceof Function, f instanceof Object, (() => 1) instanceof Function);
console.log(typeof f.call, typeof f.apply, typeof f.bind);
