console.log(String(new Error('a')), String(new TypeError()), new RangeError('r').toString());
const custom = new Error('msg');
custom.name = 'Custom';
console.log(String(custom));
const noMsg = new Error('');
noMsg.name = 'OnlyName';
console.log(noMsg.toString());
console.log(Error.prototype.toString.call({ name: 'N', message: 'M' }));
