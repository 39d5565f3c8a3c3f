const id = x => x;
const add = (a, b) => a + b;
const obj = () => ({ k: 'v' });
const block = (a) => { const t = a * 2; return t + 1; };
const none = () => {};
console.log(id(3), add(2, 3), obj(), block(4), none());
