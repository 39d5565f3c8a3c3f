console.log(Array.isArray([]), Array.isArray({ length: 0 }), Array.isArray('ab'));
console.log(Array.of(7), Array.of(1, 2, 3), Array(3).length, Array(1, 2));
console.log(Array.from('abc'), Array.from({ length: 3 }, (_, i) => i * i), Array.from(new Set([1, 1, 2])));
console.log(Array.from({ length: 2, 0: 'a', 1: 'b' }), Array.from([1, 2], x => x + 1));
