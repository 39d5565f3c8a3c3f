class A { constructor() { this.a = 1; } }
class B extends A {
  constructor() {
    try {
      this.b = 2;
    } catch (e) {
      console.log(e.name);
    }
    super();
    this.b = 2;
  }
}
const b = new B();
console.log(b.a, b.b);
