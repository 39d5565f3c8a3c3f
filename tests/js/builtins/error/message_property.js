const e = new Error('m');
const d = Object.getOwnPropertyDescriptor(e, 'message');
console.log(d.value, d.enumerable, d.writable, d.configurable);
console.log(Object.keys(e), JSON.stringify(e));
console.log(Error.prototype.name, Error.prototype.message === '', TypeError.prototype.name);
