function describe(greeting, punct) { return greeting + ', ' + this.name + punct; }
const p = { name: 'Pat' };
console.log(describe.call(p, 'Hi', '!'), describe.apply(p, ['Yo', '?']));
console.log(Math.max.apply(null, [1, 9, 3]), Array.prototype.concat.call([1], [2]));
console.log(describe.apply(p, { length: 2, 0: 'Hey', 1: '.' }));
