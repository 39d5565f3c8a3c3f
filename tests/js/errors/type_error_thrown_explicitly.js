function check(v) {
  if (typeof v !== 'number') throw new TypeError('expected a number, got ' + typeof v);
  return v;
}
console.log(check(1));
check('x');
