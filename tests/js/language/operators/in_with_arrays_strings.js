const a = ['x', 'y'];
console.log(0 in a, '1' in a, 2 in a, 'length' in a, 'push' in a);
try {
  console.log('a' in 'abc');
} catch (e) {
  console.log(e.name);
}
