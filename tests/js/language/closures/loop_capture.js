const byLet = [];
for (let i = 0; i < 3; i++) byLet.push(function () { return i; });
console.log(byLet.map(f => f()).join(' '));
const byVar = [];
for (var i = 0; i < 3; i++) byVar.push(function () { return i; });
console.log(byVar.map(f => f()).join(' '));
const byIife = [];
for (var k = 0; k < 3; k++) byIife.push((function (k) { return () => k; })(k));
console.log(byIife.map(f => f()).join(' '));
