let calls = 0;
const def = () => { calls++; return 'd'; };
const [a = def(), b = def()] = [1];
console.log(a, b, calls);
const { c = def() } = { c: 0 };
console.log(c, calls);
