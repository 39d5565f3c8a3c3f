const proto = { inherited: 1 };
const o = Object.create(proto);
o.own = 2;
console.log(Object.hasOwn(o, 'own'), Object.hasOwn(o, 'inherited'));
console.log(o.hasOwnProperty('own'), o.hasOwnProperty('inherited'), 'inherited' in o);
console.log(Object.prototype.hasOwnProperty.call([1], 0), Object.hasOwn([1], 'length'));
