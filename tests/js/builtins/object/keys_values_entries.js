const o = { b: 2, a: 1, 10: 'ten', 2: 'two' };
console.log(Object.keys(o));
console.log(Object.values(o));
console.log(Object.entries(o));
console.log(Object.keys([4, 5]), Object.keys('hi'), Object.keys({}));
