// Array methods on array-likes whose length is above 2^32 - 1: the length
// is clamped to 2^53 - 1 (ToLength), indexes past 2^32 - 2 are plain
// property keys, and growing past 2^53 - 1 is a TypeError.
const big = 2 ** 32 + 5;
const obj = { length: big, [big - 1]: 'last', [big - 2]: 'before' };
console.log(Array.prototype.lastIndexOf.call(obj, 'last'));
console.log(Array.prototype.includes.call(obj, 'before', big - 3));
console.log(Array.prototype.indexOf.call(obj, 'last', big - 2));
console.log(Array.prototype.at.call(obj, -1));
console.log(Array.prototype.push.call(obj, 'pushed'), obj[big]);
console.log(Array.prototype.pop.call(obj), obj.length);
console.log(Array.prototype.findLast.call({ length: big, [big - 1]: 7 }, (v) => v === 7));
console.log(Array.prototype.fill.call({ length: big }, 0, big - 2)[big - 2]);
const limit = { length: 2 ** 53 + 10 };
console.log(Array.prototype.slice.call(limit, 2 ** 53 - 3).length);
try { Array.prototype.push.call({ length: 2 ** 53 - 1 }, 1); } catch (e) { console.log(e.constructor.name); }
try { Array.prototype.unshift.call({ length: 2 ** 53 - 1 }, 1); } catch (e) { console.log(e.constructor.name); }
try { Array.prototype.slice.call(limit, 0, 2 ** 33); } catch (e) { console.log(e.constructor.name); }
