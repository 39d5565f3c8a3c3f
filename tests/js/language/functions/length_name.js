function a(x, y, z) {}
function b(x, y = 1, z) {}
function c(...r) {}
function d(x, ...r) {}
const e = (p, q) => p;
console.log(a.length, b.length, c.length, d.length, e.length);
console.log(a.name, e.name);
const o = { m() {}, ['comp' + 'uted']: function () {} };
console.log(o.m.name, o.computed.name);
