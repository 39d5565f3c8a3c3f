const value = null;
const n = value.length;
console.log(n);
