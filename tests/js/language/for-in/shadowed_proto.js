const proto = { x: 'p', y: 'p' };
const o = Object.create(proto);
o.x = 'own';
const ks = [];
for (const k in o) ks.push(k);
console.log(ks);
