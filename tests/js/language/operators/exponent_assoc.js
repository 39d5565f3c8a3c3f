console.log(2 ** 3 ** 2, (2 ** 3) ** 2, 2 ** -2, (-8) ** (1 / 3));
console.log(0 ** 0, NaN ** 0, 1 ** Infinity, 10 ** 21, 10 ** -7);
let p = 2;
p **= 0.5;
console.log(p);
