const base = 10;
function classify(n) {
  switch (true) {
    case n < 0: return 'neg';
    case n === 0: return 'zero';
    case n < base: return 'small';
    case n < base * 10: return 'medium';
    default: return 'large';
  }
}
console.log([-5, 0, 3, 50, 500].map(classify));
