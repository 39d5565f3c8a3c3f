class R {
  constructor() { return { custom: true }; }
}
console.log(new R());
class P {
  constructor() { this.a = 1; return 5; }
}
console.log(new P().a);
