console.log(1, -1, 1.5, -0, 0, NaN, Infinity, -Infinity);
console.log('plain string', true, false, null, undefined);
console.log();
console.log('');
console.log('a', 'b', 3);
console.log(1e21, 1e-7, 123456789012345680000, 0.1 + 0.2);
