const a = [0, 1, 2, 3, 4, 5];
console.log(a.slice(2), a.slice(1, 3), a.slice(-2), a.slice(-3, -1), a.slice(4, 2), a.slice());
console.log(a.slice(1.7, 3.2), a.slice(undefined, 2), a.slice(10));
