"use strict";
// super.x where the home object's prototype is null is a TypeError; the
// prototype is taken before the key is converted.
class C extends null {
  method() {
    return super.x;
  }
}
try {
  C.prototype.method();
} catch (e) {
  console.log(e.constructor.name, e.message);
}
const proto = { p: "ok" };
const obj = {
  __proto__: proto,
  m(k) {
    return super[k];
  },
};
console.log(obj.m("p"));
