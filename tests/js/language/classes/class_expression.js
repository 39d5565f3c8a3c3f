const Named = class Inner {
  who() { return Inner.name; }
};
console.log(new Named().who(), Named.name);
const Anon = class {};
console.log(Anon.name);
function factory(base) { return class extends base { extra() { return 'extra'; } }; }
class Root { root() { return 'root'; } }
const Mixed = factory(Root);
const m = new Mixed();
console.log(m.root(), m.extra());
