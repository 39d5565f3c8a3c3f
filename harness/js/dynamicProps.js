// dynamicProps: computed-key reads and writes (obj[key]) over 16 string keys
// on an object that is replaced every 1000 iterations, plus an occasional
// delete -- keyed access and dictionary-mode objects.
function bench(n) {
  const keys = [];
  for (let k = 0; k < 16; k++) keys.push('key' + k);
  let o = {};
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const k = keys[i % 16];
    o[k] = ((o[k] || 0) + (i % 7)) % 1000;
    const v = o[keys[(i * 5) % 16]];
    acc = (acc + (v === undefined ? 1 : v)) % 1000000;
    if (i % 100 === 50) delete o[keys[i % 16]];
    if (i % 1000 === 999) o = {};
  }
  return acc;
}
