const m = new Map();
const objKey = {};
const fnKey = () => {};
m.set(1, 'num').set('1', 'str').set(objKey, 'obj').set(fnKey, 'fn').set(NaN, 'nan').set(-0, 'zero');
m.set(null, 'null').set(undefined, 'undef').set(true, 'bool');
console.log(m.get(1), m.get('1'), m.get(objKey), m.get({}), m.get(fnKey), m.get(NaN), m.get(0), m.get(null), m.get(undefined), m.get(true));
console.log(m.size, [...m.keys()].map(k => typeof k));
