// o.f(args) passes o as `this`, and the receiver is the value o had before
// the arguments were evaluated, even when an argument reassigns o.
let o = { name: 'first', who(x) { return this.name + ':' + x; } };
const p = { name: 'second', who(x) { return 'p ' + this.name + ':' + x; } };
console.log(o.who(1));
console.log(o.who((o = p, 2)));
console.log(o.who(3));
let arr = [3, 1, 2];
arr.push(arr.length);
console.log(arr.join(','), arr.indexOf(2));
let s = 'abc';
console.log(s.toUpperCase(), s.charCodeAt(1), s.concat(s = 'z', s));
