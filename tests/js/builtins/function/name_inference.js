const a = function () {};
const b = () => {};
const o = { m() {}, n: function () {}, ['c' + 'k']: () => {}, get g() { return 1; } };
let d;
d = function () {};
console.log(a.name, b.name, o.m.name, o.n.name, o.ck.name, d.name);
console.log(Object.getOwnPropertyDescriptor(o, 'g').get.name);
class K { static s() {} i() {} }
console.log(K.name, K.s.name, new K().i.name);
