const a = [1, , 3, , 5];
console.log(a, a.length);
let n = 0;
a.forEach(() => n++);
console.log(n, a.indexOf(undefined), a.includes(undefined));
console.log(a.filter(() => true), Object.keys(a));
console.log([, , ,], new Array(5));
