// `return c ? a : b` and returning locals, including from try/finally,
// where the finally block runs after the value is taken.
function pick(c, a, b) { return c ? a : b; }
console.log(pick(1, 'a', 'b'), pick(0, 'a', 'b'), pick(null, 1, pick(true, 2, 3)));
function nested(x) { return x < 0 ? 'neg' : x === 0 ? 'zero' : x < 10 ? 'small' : 'large'; }
console.log(nested(-1), nested(0), nested(5), nested(50));
function fin() {
  let x = 1;
  try {
    return x;
  } finally {
    x = 2;
  }
}
console.log(fin());
function finCond(c) {
  let x = 'first';
  try {
    return c ? x : 'other';
  } finally {
    x = 'changed';
  }
}
console.log(finCond(true), finCond(false));
function loopRet(arr) {
  for (const v of arr) {
    if (v > 2) return v;
  }
  return -1;
}
console.log(loopRet([1, 2, 3, 4]), loopRet([0]));
let r = 0;
function add(a, b) { return a + b; }
for (let i = 0; i < 5; i++) r = add(r, i);
console.log(r);
let self = 10;
self = add(self, self);
console.log(self);
