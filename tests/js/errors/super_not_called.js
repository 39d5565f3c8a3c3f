class Base {}
class Derived extends Base {
  constructor() {
    this.x = 1;
  }
}
new Derived();
