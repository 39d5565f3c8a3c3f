const arr = [1, 2, 3];
[arr[0], arr[2]] = [arr[2], arr[0]];
console.log(arr);
let a, rest;
({ a, ...rest } = { a: 1, b: 2, c: 3 });
console.log(a, rest);
let n1, n2;
[n1, [n2]] = [1, [2]];
console.log(n1, n2);
