function wrap(...args) { return inner(...args); }
function inner(...all) { return all; }
console.log(wrap(), wrap(1), wrap(1, [2], { c: 3 }));
