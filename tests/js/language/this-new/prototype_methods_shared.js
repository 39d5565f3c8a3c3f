function Dog(name) { this.name = name; }
Dog.prototype.bark = function () { return this.name + '!'; };
const a = new Dog('a'), b = new Dog('b');
console.log(a.bark === b.bark, a.bark(), b.bark());
Dog.prototype.bark = function () { return 'changed ' + this.name; };
console.log(a.bark(), b.bark());
a.bark = () => 'own';
console.log(a.bark(), b.bark());
