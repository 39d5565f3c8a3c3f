function F() {
  return new.target === F ? 'with new' : 'without new';
}
console.log(new F() instanceof F);
class Base {
  constructor() { this.kind = new.target.name; }
}
class Child extends Base {}
console.log(new Base().kind, new Child().kind);
