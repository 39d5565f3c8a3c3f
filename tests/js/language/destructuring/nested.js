const data = { user: { name: 'Ann', tags: ['x', 'y'], addr: { city: 'Oslo' } } };
const { user: { name, tags: [firstTag], addr: { city, zip = '0000' } } } = data;
console.log(name, firstTag, city, zip);
const [[a, b], [c, [d]]] = [[1, 2], [3, [4]]];
console.log(a + b + c + d);
