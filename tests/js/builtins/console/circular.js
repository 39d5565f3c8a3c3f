const o = { name: 'root' };
o.self = o;
console.log(o);
const a = [1];
a.push(a);
console.log(a);
const parent = { kids: [] };
parent.kids.push({ parent });
console.log(parent);
