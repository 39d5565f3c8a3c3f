// Annex B: __defineGetter__, __defineSetter__, __lookupGetter__, __lookupSetter__.
const o = {};
o.__defineGetter__("x", function () { return 42; });
o.__defineSetter__("x", function (v) { this.y = v; });
o.x = 5;
console.log(o.x, o.y, typeof o.__lookupGetter__("x"), o.__lookupSetter__("y"), Object.create(o).__lookupGetter__("x") === o.__lookupGetter__("x"));
console.log(Object.getOwnPropertyDescriptor(o, "x").enumerable);
try { o.__defineGetter__("z", 1); } catch (e) { console.log(e.constructor.name); }
