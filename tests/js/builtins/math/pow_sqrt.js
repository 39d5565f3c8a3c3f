console.log(Math.pow(2, 10), Math.pow(4, 0.5), Math.pow(-8, 1 / 3), Math.sqrt(16), Math.sqrt(2), Math.sqrt(-1));
console.log(Math.cbrt(27), Math.cbrt(-8), Math.hypot(3, 4), Math.hypot(), Math.hypot(1, 1, 1, 1));
