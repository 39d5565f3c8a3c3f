function square(x) { return x * x; }
function noReturn() {}
function early(x) {
  if (x > 0) return 'pos';
  return 'non-pos';
}
console.log(square(7), noReturn(), early(1), early(-1));
