function f() { return f.count = (f.count || 0) + 1; }
f(); f(); f();
console.log(f.count);
console.log(typeof f, typeof f.prototype, f.prototype.constructor === f);
console.log(Object.keys(f));
