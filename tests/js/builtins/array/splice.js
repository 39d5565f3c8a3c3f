const a = [0, 1, 2, 3, 4, 5];
console.log(a.splice(1, 2), a);
console.log(a.splice(1, 0, 'x', 'y'), a);
console.log(a.splice(-2), a);
console.log(a.splice(1, 1, 'z'), a);
console.log(a.splice(0), a);
