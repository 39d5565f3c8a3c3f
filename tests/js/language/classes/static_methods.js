class MathUtil {
  static square(x) { return x * x; }
  static cube(x) { return MathUtil.square(x) * x; }
  static create() { return new this(); }
}
console.log(MathUtil.square(4), MathUtil.cube(3));
console.log(MathUtil.create() instanceof MathUtil);
class Sub extends MathUtil {}
console.log(Sub.square(5), Sub.create() instanceof Sub);
