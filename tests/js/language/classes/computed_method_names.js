const key = 'dyn';
class C {
  [key + 'Method']() { return 'dynamic'; }
  ['x' + 1]() { return 'x1'; }
}
const c = new C();
console.log(c.dynMethod(), c.x1());
