console.log([]);
console.log([1, 2, 3]);
console.log(['a', 'b']);
console.log([null, undefined, true, -0, NaN]);
console.log([[1, [2, [3, [4, [5]]]]]]);
console.log([{}, [], '']);
