function f({ x, y = 5 }, [p, q] = [7, 8]) {
  return [x, y, p, q];
}
console.log(f({ x: 1 }));
console.log(f({ x: 1, y: 2 }, [3]));
function g({ opts: { verbose = false } = {} } = {}) { return verbose; }
console.log(g(), g({}), g({ opts: { verbose: true } }));
