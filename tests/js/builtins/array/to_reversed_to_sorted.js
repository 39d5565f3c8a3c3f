// toReversed and toSorted return new dense arrays and leave the original untouched.
const nums = [10, 1, 5, 100, -2];
const rev = nums.toReversed();
const sorted = nums.toSorted();
console.log(rev, sorted, nums, rev !== nums);
console.log(nums.toSorted((a, b) => a - b), nums.toSorted((a, b) => b - a), nums);
const holes = [3, , 1, undefined];
console.log(holes.toReversed(), holes.toSorted(), 1 in holes.toReversed(), 1 in holes.toSorted());
const words = ['pear', 'Apple', 'fig', 'apple'];
console.log(words.toSorted(), words.toSorted((a, b) => a.length - b.length || (a < b ? -1 : 1)));
const like = { length: 3, 0: 'a', 2: 'c', 3: 'ignored' };
console.log(Array.prototype.toReversed.call(like), Array.prototype.toSorted.call(like));
console.log(Array.prototype.toReversed.call('abc'), Array.prototype.toSorted.call({ length: 0 }));
class Sub extends Array {}
const sub = Sub.from([2, 1]);
console.log(sub.toReversed().constructor === Array, sub.toSorted() instanceof Sub);
try { [1, 2].toSorted('desc'); } catch (e) { console.log(e.name, e.message); }
console.log(Array.prototype[Symbol.unscopables].toReversed, Array.prototype.toSorted.length, Array.prototype.toReversed.length);
