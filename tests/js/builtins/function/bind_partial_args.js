const add3 = (a, b, c) => a + b + c;
const add1 = add3.bind(null, 1);
const add12 = add1.bind(null, 2);
console.log(add1(2, 3), add12(3), add12.length, add1.length);
const greet = function (greeting) { return greeting + ' ' + this.who; }.bind({ who: 'bound' });
console.log(greet('hello'), greet.call({ who: 'other' }, 'hi'));
