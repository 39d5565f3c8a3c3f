const a = Symbol.for('app.key');
const b = Symbol.for('app.key');
console.log(a === b, Symbol.keyFor(a), Symbol.keyFor(Symbol('local')));
