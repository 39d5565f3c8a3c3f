function C() { this.v = 'made'; }
const c = new C;
console.log(c.v);
const ns = { Inner: function () { this.tag = 'inner'; } };
console.log(new ns.Inner().tag, new ns.Inner + '');
const m = new Map;
console.log(m.size);
