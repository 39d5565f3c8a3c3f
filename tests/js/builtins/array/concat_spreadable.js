// Array.prototype.concat honours Symbol.isConcatSpreadable on arrays and
// array-likes.
const like = { length: 2, 0: 'x', 1: 'y' };
console.log([1].concat(like).length);
like[Symbol.isConcatSpreadable] = true;
console.log([1].concat(like).join());
const arr = [7, 8];
arr[Symbol.isConcatSpreadable] = false;
const out = [1].concat(arr);
console.log(out.length, out[1] === arr);
const zero = { length: 3, [Symbol.isConcatSpreadable]: 0 };
console.log([].concat(zero)[0] === zero);
console.log(typeof Symbol.isConcatSpreadable, String(Symbol.isConcatSpreadable));
