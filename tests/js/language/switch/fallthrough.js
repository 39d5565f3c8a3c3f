function f(n) {
  const out = [];
  switch (n) {
    case 1: out.push('one');
    case 2: out.push('two');
      break;
    case 3: out.push('three');
    default: out.push('default');
  }
  return out;
}
console.log(f(1), f(2), f(3), f(9));
