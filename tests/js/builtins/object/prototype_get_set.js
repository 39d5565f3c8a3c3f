const a = { x: 'a' };
const b = { y: 'b' };
const o = { own: 1 };
console.log(Object.getPrototypeOf(o) === Object.prototype);
Object.setPrototypeOf(o, a);
console.log(o.x, Object.getPrototypeOf(o) === a);
Object.setPrototypeOf(o, b);
console.log(o.x, o.y);
console.log(Object.getPrototypeOf([]) === Array.prototype, Object.getPrototypeOf(Object.prototype));
