// toSpliced and with return copies with elements removed, inserted or replaced.
const base = ['a', 'b', 'c', 'd', 'e'];
console.log(base.toSpliced(1, 2), base.toSpliced(1, 2, 'X', 'Y', 'Z'), base.toSpliced(-2), base);
console.log(base.toSpliced(), base.toSpliced(2, 0, 'new'), base.toSpliced(10, 1, 'end'), base.toSpliced(1, -5, 'i'));
console.log(base.toSpliced(undefined, 1), base.toSpliced(3, Infinity), base.toSpliced(-99, 2).length);
console.log([1, , 3].toSpliced(0, 0), 1 in [1, , 3].toSpliced(0, 0));
console.log(base.with(0, 'A'), base.with(-1, 'E'), base.with('2', 'C'), base.with(1.9, 'B'), base);
console.log([, 'hole'].with(1, 'x'), 0 in [, 'hole'].with(1, 'x'));
for (const bad of [() => base.with(5, 'z'), () => base.with(-6, 'z'), () => [].with(0, 1)]) {
  try { bad(); } catch (e) { console.log(e.name, e.message); }
}
const like = { length: 2, 0: 'p', 1: 'q' };
console.log(Array.prototype.with.call(like, 1, 'r'), Array.prototype.toSpliced.call(like, 0, 1, 'o', 'n'));
class Sub extends Array {}
console.log(Sub.of(1, 2).with(0, 0).constructor.name, Sub.of(1, 2).toSpliced(0, 1).constructor.name);
console.log(Array.prototype.with.length, Array.prototype.toSpliced.length, Array.prototype[Symbol.unscopables].toSpliced);
