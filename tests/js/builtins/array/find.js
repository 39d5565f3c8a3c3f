const a = [5, 12, 8, 130, 44];
console.log(a.find(x => x > 10), a.findIndex(x => x > 10), a.findLast(x => x > 10), a.findLastIndex(x => x > 10));
console.log(a.find(x => x > 1000), a.findIndex(x => x > 1000));
const people = [{ n: 'a', age: 3 }, { n: 'b', age: 30 }];
console.log(people.find(p => p.age > 18));
