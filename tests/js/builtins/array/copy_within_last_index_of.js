console.log([1, 2, 3, 4, 5].lastIndexOf(3), [3, 1, 3].lastIndexOf(3, -2), [1].lastIndexOf(2));
console.log(['a', 'b', 'c'].indexOf('c', -1), ['a', 'b', 'c'].indexOf('a', -1));
