const fact = function inner(n) {
  return n <= 1 ? 1 : n * inner(n - 1);
};
console.log(fact(10));
console.log(fact.name);
const anon = function () {};
console.log(anon.name);
