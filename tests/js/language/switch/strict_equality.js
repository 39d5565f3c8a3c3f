function kind(v) {
  switch (v) {
    case 1: return 'number one';
    case '1': return 'string one';
    case true: return 'true';
    case null: return 'null';
    case undefined: return 'undefined';
  }
  return 'none';
}
console.log(kind(1), kind('1'), kind(true), kind(null), kind(undefined), kind(0));
