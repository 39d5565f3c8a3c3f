console.log(typeof v, v);
var v = 3;
console.log(v);
function f() {
  console.log(inner);
  if (true) {
    var inner = 'set';
  }
  return inner;
}
console.log(f());
