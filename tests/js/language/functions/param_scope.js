const x = 'global';
function f(a = x) {
  const x = 'local';
  return a + '/' + x;
}
console.log(f());
function g(a, b = () => a) {
  a = 2;
  return b();
}
console.log(g(1));
