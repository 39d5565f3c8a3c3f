const a = () => 1;
function f() {}
console.log(a.prototype, typeof f.prototype);
try {
  new a();
} catch (e) {
  console.log(e.name);
}
