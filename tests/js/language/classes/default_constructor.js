class Base {
  constructor(a, b) { this.args = [a, b]; }
}
class Derived extends Base {}
const d = new Derived(1, 2);
console.log(d.args);
class Empty {}
console.log(typeof new Empty(), Object.keys(new Empty()));
