const o = { a: 1 };
o.a = 2;
o.b = 3;
console.log(o);
const arr = [1, 2];
arr.push(3);
console.log(arr, arr.length);
