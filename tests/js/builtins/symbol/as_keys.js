const s = Symbol('hidden');
const o = { visible: 1, [s]: 'secret' };
console.log(Object.keys(o), o[s], JSON.stringify(o), s in o);
console.log(Object.getOwnPropertyNames(o));
