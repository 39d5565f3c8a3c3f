function f() {
  const arr = Array.prototype.slice.call(arguments);
  return [Array.isArray(arguments), Array.isArray(arr), arr, Array.from(arguments).reverse()];
}
console.log(f(1, 2, 3));
function g() { return [...arguments].map(x => x * 2); }
console.log(g(4, 5));
