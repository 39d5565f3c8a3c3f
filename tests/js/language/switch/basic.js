function name(n) {
  switch (n) {
    case 0: return 'zero';
    case 1: return 'one';
    case 2: return 'two';
    default: return 'other';
  }
}
console.log([0, 1, 2, 3, -1].map(name));
