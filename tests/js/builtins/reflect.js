// Reflect: the internal methods as functions, false on refusal.
const o = { a: 1 };
console.log(Reflect.has(o, 'a'), Reflect.get(o, 'a'), Reflect.set(o, 'b', 2), o.b);
Object.freeze(o);
console.log(Reflect.set(o, 'a', 5), Reflect.defineProperty(o, 'c', { value: 1 }), Reflect.deleteProperty(o, 'a'));
console.log(Reflect.ownKeys({ x: 1, [Symbol('s')]: 2, 0: 3 }).map(String));
const getterTarget = { get v() { return this.tag; } };
console.log(Reflect.get(getterTarget, 'v', { tag: 'receiver' }));
class P { constructor(x) { this.x = x; this.nt = new.target.name; } }
class Q extends P {}
const made = Reflect.construct(P, [7], Q);
console.log(made.x, made.nt, Object.getPrototypeOf(made) === Q.prototype);
console.log(Reflect.apply(Math.max, null, [1, 5, 3]));
console.log(JSON.stringify(Reflect.getOwnPropertyDescriptor({ k: 1 }, 'k')));
console.log(Reflect.getPrototypeOf([]) === Array.prototype, Reflect.setPrototypeOf({}, null));
const ne = {};
console.log(Reflect.preventExtensions(ne), Reflect.isExtensible(ne), Reflect.set(ne, 'z', 1));
try { Reflect.get(1, 'a'); } catch (e) { console.log(e instanceof TypeError); }
console.log(Object.prototype.toString.call(Reflect));
