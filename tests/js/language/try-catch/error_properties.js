const e = new Error('msg');
console.log(e.name, e.message, typeof e.stack, e instanceof Error);
console.log(Object.keys(e), Object.prototype.hasOwnProperty.call(e, 'message'));
const r = new RangeError('r');
console.log(r.name, Object.getPrototypeOf(RangeError.prototype) === Error.prototype);
console.log(String(new TypeError('t')), String(new Error()));
