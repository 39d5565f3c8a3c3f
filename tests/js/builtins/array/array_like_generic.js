const arrayLike = { 0: 'a', 1: 'b', 2: 'c', length: 3 };
console.log(Array.prototype.map.call(arrayLike, s => s.toUpperCase()));
console.log(Array.prototype.join.call(arrayLike, '+'));
console.log(Array.prototype.indexOf.call(arrayLike, 'c'));
console.log(Array.prototype.slice.call('hey', 1));
