const o = { valueOf() { return 1; } };
console.log(o == 1, o == '1', o === 1, o == true);
const d = { toString() { return 'x'; } };
console.log(d == 'x', [d] == 'x');
console.log([] == false, [0] == false, [1] == true, [[]] == 0);
