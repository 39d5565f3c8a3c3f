let where = [];
try {
  [1, 2, 3].forEach(x => {
    where.push(x);
    if (x === 2) throw new RangeError('stop at ' + x);
  });
} catch (e) {
  console.log(e.message, where);
}
try {
  JSON.parse('{"a":1}', () => { throw new Error('from reviver'); });
} catch (e) {
  console.log(e.message);
}
try {
  [3, 1, 2].sort(() => { throw new TypeError('from comparator'); });
} catch (e) {
  console.log(e.message);
}
