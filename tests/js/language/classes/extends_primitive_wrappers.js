// Subclasses of Boolean, Number and String: `new` makes a wrapper whose
// prototype is the subclass's (OrdinaryCreateFromConstructor with
// new.target), so subclass methods and instanceof work.
class Flag extends Boolean {
  describe() { return 'flag ' + this.valueOf(); }
}
class Money extends Number {
  format() { return '$' + this.toFixed(2); }
}
class Name extends String {
  shout() { return this.toUpperCase() + '!'; }
}
const f = new Flag(0);
const m = new Money(3.5);
const n = new Name('kite');
console.log(f instanceof Flag, f instanceof Boolean, f.describe(), typeof f);
console.log(m instanceof Money, m instanceof Number, m.format(), m + 1);
console.log(n instanceof Name, n instanceof String, n.shout(), n.length, n[1]);
console.log(Object.getPrototypeOf(n) === Name.prototype, Object.keys(n).join(','));
// new.target's prototype is read after the argument is converted.
const order = [];
const Target = function () {}.bind();
Object.defineProperty(Target, 'prototype', {
  get() { order.push('prototype'); return Money.prototype; },
});
const arg = { valueOf() { order.push('valueOf'); return 7; } };
const r = Reflect.construct(Number, [arg], Target);
console.log(order.join(' then '), r instanceof Money, r.format());
// A prototype that is not an object falls back to Number.prototype.
function Plain() {}
Plain.prototype = null;
const p = Reflect.construct(Number, [1], Plain);
console.log(Object.getPrototypeOf(p) === Number.prototype);
