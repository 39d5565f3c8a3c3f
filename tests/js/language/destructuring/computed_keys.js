const key = 'dyn';
const { [key]: val, ['st' + 'at']: st } = { dyn: 'D', stat: 'S' };
console.log(val, st);
const { 0: zero, 1: one } = ['z', 'o'];
console.log(zero, one);
