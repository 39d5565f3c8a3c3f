function f(x) {
  const r = [];
  switch (x) {
    case 'a': r.push('a');
    default: r.push('d');
    case 'b': r.push('b'); break;
    case 'c': r.push('c');
  }
  return r.join('');
}
console.log(f('a'), f('b'), f('c'), f('z'));
