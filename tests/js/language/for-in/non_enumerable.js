const o = { visible: 1 };
Object.defineProperty(o, 'hidden', { value: 2, enumerable: false });
const ks = [];
for (const k in o) ks.push(k);
console.log(ks, o.hidden);
const arr = [5, 6];
const aks = [];
for (const k in arr) aks.push(k, typeof k);
console.log(aks);
