// gc-stress
class Counter {
  #count = 0;
  static #instances = 0;
  #secret;
  constructor(s) { this.#secret = s; Counter.#instances++; }
  #bump(n) { this.#count += n; return this; }
  get #double() { return this.#count * 2; }
  set #double(v) { this.#count = v / 2; }
  inc() { return this.#bump(1); }
  get value() { return this.#count; }
  get dbl() { return this.#double; }
  set dbl(v) { this.#double = v; }
  static count() { return Counter.#instances; }
  static isCounter(o) { return #count in o; }
  peek(o) { return o.#secret; }
  static { this.made = 'static block ran'; Counter.#instances = 100; }
}
const c = new Counter('s1');
c.inc().inc();
console.log(c.value, c.dbl);
c.dbl = 10;
console.log(c.value, Counter.count(), Counter.isCounter(c), Counter.isCounter({}), Counter.made);
console.log(Object.keys(c), Object.getOwnPropertySymbols(c).length, JSON.stringify(c));
try { c.peek({}); } catch (e) { console.log(e.constructor.name); }
class Sub extends Counter { #own = 'sub'; get own() { return this.#own; } }
const s = new Sub('s2');
console.log(s.own, s.value, Counter.isCounter(s), Counter.count());
let k = 0;
class K { [`f${++k}`] = k; [`g${++k}`] = k; }
console.log(JSON.stringify(new K()), JSON.stringify(new K()), k);
const frozen = Object.freeze(new Counter('f'));
frozen.inc();
console.log(frozen.value);
class A { #x = 1; static read(o) { return o?.#x; } }
console.log(A.read(new A()), A.read(null));
try { class B { #m() {} test() { this.#m = 1; } }; new B().test(); } catch (e) { console.log(e.constructor.name); }
console.log(String(Counter).length > 0);
// Static blocks run in order with static fields, this = the class.
const order = [];
class S {
  static a = order.push('a');
  static { order.push('block 1:' + this.a); }
  static b = order.push('b');
  static { order.push('block 2:' + this.b); var local = 1; order.push(typeof local); }
}
console.log(order.join(','));
// Each class evaluation has its own private names.
function make() { return class { #v = 1; static read(o) { return o.#v; } }; }
const C1 = make(), C2 = make();
try { C1.read(new C2()); } catch (e) { console.log('brand', e instanceof TypeError); }
console.log(C1.read(new C1()));
// Private names in nested classes and arrow functions.
class Outer {
  #x = 'outer';
  inner() { const self = this; return new (class { get x() { return self.#x; } })().x; }
  arrow() { return (() => this.#x)(); }
}
console.log(new Outer().inner(), new Outer().arrow());
// Private fields are added to non-extensible objects by a base's return override.
class Base { constructor(o) { return o; } }
class Stamp extends Base { #tag = 'stamped'; static tag(o) { return o.#tag; } }
const sealed = Object.preventExtensions({});
new Stamp(sealed);
console.log(Stamp.tag(sealed));
try { new Stamp(sealed); } catch (e) { console.log('twice', e instanceof TypeError); }
