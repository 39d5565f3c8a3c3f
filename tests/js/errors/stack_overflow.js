function recurse(n) {
  return recurse(n + 1) + 1;
}
console.log('going deep');
recurse(0);
