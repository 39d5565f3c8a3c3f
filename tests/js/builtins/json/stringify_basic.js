console.log(JSON.stringify({ a: 1, b: 'two', c: true, d: null, e: [1, 'x'] }));
console.log(JSON.stringify('str'), JSON.stringify(5), JSON.stringify(null), JSON.stringify(true));
console.log(JSON.stringify(undefined), JSON.stringify(() => 1), JSON.stringify(Symbol('s')));
console.log(JSON.stringify({ u: undefined, f() {}, n: NaN, i: Infinity, neg: -0 }));
console.log(JSON.stringify([undefined, function () {}, NaN]));
