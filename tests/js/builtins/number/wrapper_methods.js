const n = 42;
console.log(n.toString(), n.valueOf(), typeof n.valueOf(), (42).constructor === Number);
console.log(Number.prototype.toFixed.call(1.234, 1), 5..toString(), 5 .toFixed(1));
console.log(Number(new Number(7)) + 1);
