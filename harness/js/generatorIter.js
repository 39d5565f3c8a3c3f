// generatorIter: for-of over a generator that delegates with yield* to
// an inner generator and to an array, then sums what it yields (the
// iterator protocol, suspension and resumption of generator frames).
function* inner(base, count) {
  for (let i = 0; i < count; i++) yield base + i;
}

function* outer(round) {
  yield round % 7;
  yield* inner(round % 100, 8);
  yield* [1, 2, 3];
}

function bench(n) {
  let acc = 0;
  for (let i = 0; i < n; i++) {
    for (const v of outer(i)) acc = (acc + v) % 1000003;
  }
  return acc;
}
