const [x, y, z] = [1, 2];
console.log(x, y, z);
const [, second, , fourth] = [10, 20, 30, 40];
console.log(second, fourth);
const [p = 'p0', q = 'q0'] = [undefined, null];
console.log(p, q);
