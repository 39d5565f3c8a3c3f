console.log(String(1), String(null), String(Symbol('desc')), String([1, 2]));
console.log(typeof String(1), typeof new String('x'), new String('abc').length);
console.log(String.prototype.toUpperCase.call(true));
