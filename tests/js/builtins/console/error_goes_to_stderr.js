console.log('stdout 1');
console.error('this goes to stderr');
console.error({ a: 1 }, [1, 2]);
console.log('stdout 2');
