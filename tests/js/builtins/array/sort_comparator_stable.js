const people = [
  { n: 'a', g: 2 }, { n: 'b', g: 1 }, { n: 'c', g: 2 }, { n: 'd', g: 1 },
  { n: 'e', g: 3 }, { n: 'f', g: 2 }, { n: 'g', g: 1 }, { n: 'h', g: 3 },
  { n: 'i', g: 2 }, { n: 'j', g: 1 }, { n: 'k', g: 3 }, { n: 'l', g: 2 },
];
people.sort((x, y) => x.g - y.g);
console.log(people.map(p => p.n + p.g).join(' '));
console.log([5, 1, 4].sort((a, b) => b - a));
