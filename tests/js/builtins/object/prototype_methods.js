const o = { a: 1 };
console.log(o.toString(), Object.prototype.toString.call([]), Object.prototype.toString.call(null));
console.log(Object.prototype.toString.call(undefined), Object.prototype.toString.call(5), Object.prototype.toString.call('s'));
console.log(Object.prototype.toString.call(function () {}), Object.prototype.toString.call(new Error('x')));
console.log(o.valueOf() === o, o.propertyIsEnumerable('a'), [].propertyIsEnumerable('length'));
console.log(Object.prototype.isPrototypeOf(o), Array.prototype.isPrototypeOf(o));
