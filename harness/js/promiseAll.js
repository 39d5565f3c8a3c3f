// promiseAll: each iteration fans out ten promises (resolved ones and async
// function results) and joins them with Promise.all, then sums the values:
// Promise.all's element closures, the reaction jobs and the await of the
// joined promise.
async function item(i) {
  return i % 97;
}

async function bench(n) {
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const ps = [];
    for (let k = 0; k < 5; k++) ps.push(Promise.resolve(i + k));
    for (let k = 0; k < 5; k++) ps.push(item(i + k));
    const values = await Promise.all(ps);
    for (const v of values) acc = (acc + v) % 1000003;
  }
  return acc;
}
