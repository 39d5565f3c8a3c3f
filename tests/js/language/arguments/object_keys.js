function f() { return Object.keys(arguments).concat(String(arguments.length)); }
console.log(f('a', 'b'));
function g() { return JSON.stringify(arguments); }
console.log(g(1, 'two'));
