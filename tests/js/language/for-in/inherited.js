const proto = { inherited: true };
const o = Object.create(proto);
o.own = 1;
const ks = [];
for (const k in o) ks.push(k + (Object.prototype.hasOwnProperty.call(o, k) ? '(own)' : '(proto)'));
console.log(ks);
