const o = { get a() { return 1; }, set b(v) {}, c: 3 };
const da = Object.getOwnPropertyDescriptor(o, 'a');
const db = Object.getOwnPropertyDescriptor(o, 'b');
console.log(typeof da.get, typeof da.set, da.enumerable, da.configurable, 'value' in da);
console.log(typeof db.get, typeof db.set);
console.log(Object.getOwnPropertyDescriptor(o, 'c'));
