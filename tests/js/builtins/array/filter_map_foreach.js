const a = [1, 2, 3, 4, 5];
console.log(a.filter(x => x % 2), a.map(x => x * x), a.map((x, i) => i));
let s = 0;
const r = a.forEach((x, i, arr) => { s += x * i + arr.length; });
console.log(s, r);
console.log([1, , 3].map(x => x * 2));
