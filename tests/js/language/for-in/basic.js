const o = { a: 1, b: 2, c: 3 };
const keys = [];
for (const k in o) keys.push(k + '=' + o[k]);
console.log(keys.join('&'));
