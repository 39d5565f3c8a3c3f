const a = [1, 2];
console.log(a.push(3, 4), a);
console.log(a.pop(), a);
console.log(a.shift(), a);
console.log(a.unshift(-1, 0), a);
console.log([].pop(), [].shift(), a.length);
