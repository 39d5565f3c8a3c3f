console.log('%s is %d years', 'Ann', 42);
console.log('%i and %f', 3.9, 2.5);
console.log('%s', 'only', 'extra', 7);
console.log('100%', 'literal');
console.log('%% escaped %s', 'x');
console.log('%j', { a: 1 });
console.log('no %z spec', 1);
