console.log((255).toString(16), (255).toString(2), (-255).toString(36), (0.5).toString(2));
console.log(true.toString(), 'x'.toString(), [1, [2]].toString());
