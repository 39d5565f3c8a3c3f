const s = 'JavaScript';
console.log(s.slice(4), s.slice(0, 4), s.slice(-6), s.slice(-6, -3), s.slice(5, 2));
console.log(s.substring(4), s.substring(4, 0), s.substring(-3, 2), s.substring(20));
console.log(s.slice(), s.substring(), s.at(0), s.at(-1), s.at(20));
