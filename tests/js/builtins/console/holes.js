console.log([1, , 3]);
console.log([, , 1]);
console.log([1, , , , 5]);
console.log(new Array(1));
console.log(new Array(3));
const a = [1];
a[4] = 5;
console.log(a);
