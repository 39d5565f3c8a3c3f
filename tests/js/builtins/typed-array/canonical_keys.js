// Numeric-looking keys that are not valid integer indices never reach ordinary properties.
const ta = new Int16Array([10, 20, 30]);
for (const key of ['-0', '1.5', '-1', '3', 'Infinity', 'NaN', '1e0', '01', '1']) {
  console.log(JSON.stringify(key), ta[key], key in ta);
}
ta[-1] = 99;
ta[3] = 99;
ta['-0'] = 99;
ta[1.5] = 99;
ta[ta.length] = 5;
console.log(ta.join(), Object.keys(ta).join(), ta.length);
ta['01'] = 7;
ta.foo = 'bar';
console.log(Object.keys(ta).join(), ta['01'], ta.foo);
console.log(ta.hasOwnProperty(2), ta.hasOwnProperty(3), ta.hasOwnProperty('-0'), 2 in ta);
console.log(Reflect.set(ta, 5, 1), Reflect.set(ta, 0, 1), Reflect.has(ta, -0), Reflect.has(ta, '-0'));
const d = Object.getOwnPropertyDescriptor(ta, 0);
console.log(d.value, d.writable, d.enumerable, d.configurable, Object.getOwnPropertyDescriptor(ta, 7));
console.log(delete ta[5], Object.getOwnPropertyNames(ta).join());
