// Array.prototype.copyWithin: overlapping ranges, negative indices, holes,
// array-likes.
console.log([1, 2, 3, 4, 5].copyWithin(0, 3).join());
console.log([1, 2, 3, 4, 5].copyWithin(1, 0, 3).join());
console.log([1, 2, 3, 4, 5].copyWithin(-2, 0).join());
console.log([1, 2, 3, 4, 5].copyWithin(0, -3, -1).join());
console.log([1, 2, 3].copyWithin(5, 0).join(), [1, 2, 3].copyWithin(0, 2, 1).join());
const holes = [1, , 3, 4];
holes.copyWithin(2, 0);
console.log(2 in holes, 3 in holes, holes.length, holes[2]);
const like = { length: 4, 0: 'a', 1: 'b', 3: 'd' };
const same = Array.prototype.copyWithin.call(like, 0, 2);
console.log(same === like, JSON.stringify(like));
console.log(Array.prototype.copyWithin.length, Array.prototype.copyWithin.name);
const frozen = Object.freeze([1, 2, 3]);
try {
  frozen.copyWithin(0, 1);
} catch (e) {
  console.log(e instanceof TypeError);
}
