// gc-stress
const o = {};
for (let i = 0; i < 500; i++) o['key' + i] = i;
let sum = 0;
for (const k in o) sum += o[k];
console.log(Object.keys(o).length, sum, o.key250);
for (let i = 0; i < 500; i += 2) delete o['key' + i];
console.log(Object.keys(o).length, Object.keys(o).slice(0, 3));
