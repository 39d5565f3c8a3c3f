console.log([1, 22, 333, 4444, 55555, 666666, 7777777, 1, 2, 3]);
console.log([-1, 2.5, -33.25, 400, 5, -6, 7, 8]);
console.log([1, 'two', 3, 'four', 5, 'six', 7, 'eight']);
const many = [];
for (let i = 0; i < 26; i++) many.push(String.fromCharCode(97 + i).repeat((i % 4) + 1));
console.log(many);
