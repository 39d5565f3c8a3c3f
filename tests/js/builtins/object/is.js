console.log(Object.is(1, 1), Object.is(NaN, NaN), Object.is(0, -0), Object.is(-0, -0));
console.log(Object.is('a', 'a'), Object.is({}, {}), Object.is(null, undefined));
console.log(NaN === NaN, 0 === -0);
