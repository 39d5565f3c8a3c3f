class A { who() { return 'A'; } }
class B extends A { who() { return 'B>' + super.who(); } }
class C extends B { who() { return 'C>' + super.who(); } }
console.log(new C().who());
class S { static id() { return 'S'; } }
class T extends S { static id() { return 'T' + super.id(); } }
console.log(T.id());
