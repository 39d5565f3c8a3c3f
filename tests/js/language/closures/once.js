function once(fn) {
  let done = false, value;
  return function (...args) {
    if (!done) { done = true; value = fn(...args); }
    return value;
  };
}
let calls = 0;
const init = once(x => { calls++; return x * 2; });
console.log(init(5), init(100), calls);
