console.log(Math.max(1, 5, 3), Math.min(1, 5, 3), Math.max(), Math.min(), Math.max(1, NaN), Math.max('7', 2));
console.log(Math.abs(-5), Math.abs(5), Math.abs(-0), Math.abs('-3'), Math.abs(null), Math.abs(undefined));
console.log(Object.is(Math.max(-0, 0), 0), Object.is(Math.min(-0, 0), -0));
