// stringConcat: repeated one-character appends, reset past 1000 characters.
// Returns the final length (the string itself is the accumulator).
function bench(n) {
  let s = '';
  for (let i = 0; i < n; i++) {
    s = s + 'x';
    if (s.length > 1000) s = '';
  }
  return s.length;
}
