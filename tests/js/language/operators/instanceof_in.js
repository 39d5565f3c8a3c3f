function F() {}
const f = new F();
console.log(f instanceof F, f instanceof Object, [] instanceof Array, [] instanceof Object);
console.log(Object.create(null) instanceof Object, null instanceof Object);
const o = { a: 1, b: undefined };
console.log('a' in o, 'b' in o, 'c' in o, 'toString' in o, 0 in [1], 1 in [1]);
console.log('length' in [], 'x' in Object.create({ x: 1 }));
