console.log(JSON.stringify({ b: 1, a: 2, 1: 'x', 0: 'y' }));
console.log(JSON.stringify([0.1, 1e21, 1e-7, -0, 5e-324, 123456789012]));
console.log(JSON.parse('{"b":1,"a":2,"1":"x"}'));
console.log(JSON.parse('{"a":1,"a":2}'));
