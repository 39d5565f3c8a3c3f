const o = { toString() { return 'custom'; }, valueOf() { return 99; } };
console.log(`${o}`, '' + o);
const arr = [1, [2, 3]];
console.log(`${arr}`);
