const s1 = Symbol('tag');
const s2 = Symbol('tag');
console.log(typeof s1, s1 === s2, s1.toString(), s1.description, String(s2));
console.log(Symbol().description, Symbol().toString());
