console.log('a'.concat('b', 1, null, [2, 3]), ''.concat());
let s = '';
for (let i = 0; i < 5; i++) s += i;
console.log(s, s.length);
