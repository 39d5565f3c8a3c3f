function dive(n) {
  if (n === 0) throw new RangeError('bottom');
  try {
    return dive(n - 1);
  } finally {
    if (n % 250 === 0) console.log('unwind', n);
  }
}
try {
  dive(1000);
} catch (e) {
  console.log(e.name, e.message);
}
