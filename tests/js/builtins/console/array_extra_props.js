const a = [1, 2];
a.extra = 'x';
console.log(a, a.length);
const o = { list: a };
console.log(o);
