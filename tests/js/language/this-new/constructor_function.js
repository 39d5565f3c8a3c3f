function Person(name, age) {
  this.name = name;
  this.age = age;
}
Person.prototype.greet = function () { return 'Hi, ' + this.name; };
const p = new Person('Ann', 30);
console.log(p.greet(), p.age, p.constructor === Person);
console.log(Object.keys(p), Object.getPrototypeOf(p) === Person.prototype);
