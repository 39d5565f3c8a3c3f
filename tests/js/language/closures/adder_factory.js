const makeAdder = n => x => x + n;
const add5 = makeAdder(5);
const add10 = makeAdder(10);
console.log(add5(1), add10(1), makeAdder(-1)(0));
