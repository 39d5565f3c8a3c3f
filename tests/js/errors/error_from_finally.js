try {
  throw new Error('first');
} finally {
  throw new RangeError('from finally');
}
