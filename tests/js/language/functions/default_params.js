function greet(name = 'world', punct = '!') {
  return 'hello ' + name + punct;
}
console.log(greet());
console.log(greet('kite'));
console.log(greet(undefined, '?'));
console.log(greet(null));
function dep(a, b = a * 2, c = a + b) { return [a, b, c]; }
console.log(dep(1), dep(1, 5), dep(2, undefined, 0));
