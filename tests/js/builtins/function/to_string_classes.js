// Function.prototype.toString: a static method omits `static`; a class is its whole text,
// also with an explicit constructor and after non-ASCII source text.
const s = "\u00e9t\u00e9 été";
class E { constructor(x) {} m() {} static /* x */ n() {} }
console.log(E.toString());
console.log(E.n.toString(), E.prototype.m.toString());
class F{}
console.log(String(F), s.length);
