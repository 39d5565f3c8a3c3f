function A() { this.a = 1; }
A.prototype.fromA = function () { return 'A'; };
function B() { A.call(this); this.b = 2; }
B.prototype = Object.create(A.prototype);
B.prototype.constructor = B;
B.prototype.fromB = function () { return 'B'; };
const b = new B();
console.log(b.a, b.b, b.fromA(), b.fromB());
console.log(b instanceof B, b instanceof A, A.prototype.isPrototypeOf(b));
